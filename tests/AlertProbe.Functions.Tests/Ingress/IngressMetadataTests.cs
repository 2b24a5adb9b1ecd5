using AlertProbe.Functions.Tests.Metadata;

namespace AlertProbe.Functions.Tests.Ingress;

public sealed class IngressMetadataTests
{
    [Theory]
    [InlineData("AlertWebhook", "Function", "alerts/{source?}")]
    [InlineData("SlackCommand", "Anonymous", "chat/slack")]
    [InlineData("TeamsCommand", "Anonymous", "chat/teams")]
    public void Ingress_functions_are_POST_http_triggers_with_their_route_and_auth_level(string function, string authLevel, string route)
    {
        var trigger = FunctionsMetadata.Binding(function, "request");

        Assert.Equal(
            ("httpTrigger", authLevel, route),
            ((string?)trigger["type"], (string?)trigger["authLevel"], (string?)trigger["route"]));
        Assert.Equal(["post"], trigger["methods"]!.AsArray().Select(m => (string?)m));
    }
}
