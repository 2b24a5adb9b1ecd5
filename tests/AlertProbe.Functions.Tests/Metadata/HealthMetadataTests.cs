namespace AlertProbe.Functions.Tests.Metadata;

public sealed class HealthMetadataTests
{
    [Fact]
    public void Health_is_a_function_key_GET_http_trigger_on_route_health()
    {
        var trigger = FunctionsMetadata.Binding("Health", "request");

        Assert.Equal("httpTrigger", (string?)trigger["type"]);
        Assert.Equal("In", (string?)trigger["direction"]);
        Assert.Equal("Function", (string?)trigger["authLevel"]);
        Assert.Equal("health", (string?)trigger["route"]);
        Assert.Equal(["get"], trigger["methods"]!.AsArray().Select(m => (string?)m));
    }
}
