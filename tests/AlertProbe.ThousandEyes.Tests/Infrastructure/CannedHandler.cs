using System.Net;
using System.Text;

namespace AlertProbe.ThousandEyes.Tests.Infrastructure;

/// <summary>An HttpMessageHandler answering from a script, recording what it was sent (unit tests without a server).</summary>
internal sealed class CannedHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, Uri Uri, string? Authorization)> _requests = [];

    public IReadOnlyList<(HttpMethod Method, Uri Uri, string? Authorization)> Requests => _requests;

    public static HttpResponseMessage Json(HttpStatusCode status, string json, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, mediaType) };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Add((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString()));
        return Task.FromResult(respond(request, _requests.Count));
    }
}
