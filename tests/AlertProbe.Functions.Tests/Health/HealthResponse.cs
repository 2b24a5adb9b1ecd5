using System.Text.Json.Nodes;

namespace AlertProbe.Functions.Tests.Health;

/// <summary>What <c>GET /api/health</c> answered.</summary>
internal sealed record HealthResponse(int StatusCode, string Body, string? CacheControl)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public JsonObject Check(string name)
    {
        var check = Json["checks"]!.AsArray().SingleOrDefault(entry => (string?)entry!["name"] == name);
        Assert.True(check is not null, $"The report has no check named {name}: {Body}");
        return check!.AsObject();
    }

    public string? Data(string check, string key) => (string?)Check(check)["data"]?[key];

    public IReadOnlyList<string> Failures(string check) =>
        Check(check)["failures"]!.AsArray().Select(failure => (string)failure!).ToList();
}
