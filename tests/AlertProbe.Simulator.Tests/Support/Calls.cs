using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace AlertProbe.Simulator.Tests.Support;

/// <summary>Thin HTTP calls against the simulator that keep the status, headers and parsed body together.</summary>
internal static class Calls
{
    public static async Task<ApiResponse> PostAsync(HttpClient client, string path, JsonNode? body = null)
    {
        using var content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        return await ApiResponse.ReadAsync(response);
    }

    public static async Task<ApiResponse> GetAsync(HttpClient client, string pathOrUrl)
    {
        using var response = await client.GetAsync(pathOrUrl);
        return await ApiResponse.ReadAsync(response);
    }

    /// <summary>Creates a test and returns the create response; fails the test if it was not created.</summary>
    public static async Task<ApiResponse> CreateAsync(HttpClient client, string version, string type, JsonObject? body = null)
    {
        var response = await PostAsync(client, Samples.CreatePath(version, type), body ?? Samples.Body(version, type));
        Assert.True(response.Status == HttpStatusCode.Created, $"create {version} {type} answered {(int)response.Status}: {response.Text}");
        return response;
    }

    public static HttpClient Client(Uri baseAddress, AuthenticationHeaderValue? authorization)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = authorization;
        return client;
    }
}
