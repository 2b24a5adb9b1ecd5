using System.Net;
using System.Text.Json.Nodes;

namespace AlertProbe.Simulator.Tests.Support;

internal sealed record ApiResponse(HttpStatusCode Status, string? MediaType, string Text, IReadOnlyDictionary<string, string> Headers, Uri? Location)
{
    public JsonNode Json => JsonNode.Parse(Text) ?? throw new InvalidOperationException("empty JSON body");

    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : throw new Xunit.Sdk.XunitException($"missing header {name}");

    /// <summary>The test definition of a create response, whatever the version.</summary>
    public JsonObject Definition => (Json["test"] is JsonArray tests ? tests[0] : Json)!.AsObject();

    public string TestId => Definition["testId"]!.ToJsonString().Trim('"');

    /// <summary>All result links of a create response (v6 apiLinks rel=data, v7 _links.testResults).</summary>
    public IReadOnlyList<string> ResultLinks => Definition["apiLinks"] is JsonArray links
        ? [.. links.Where(link => (string?)link!["rel"] == "data").Select(link => (string)link!["href"]!)]
        : [.. Definition["_links"]!["testResults"]!.AsArray().Select(link => (string)link!["href"]!)];

    public static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(header => header.Key, header => string.Join(",", header.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            await response.Content.ReadAsStringAsync(), headers, response.Headers.Location);
    }
}
