using System.Collections.Concurrent;
using AlertProbe.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AlertProbe.Cli.Tests.Telemetry;

/// <summary>A webhook on 127.0.0.1 (free port) that accepts verdicts and remembers the request headers it got.</summary>
internal sealed class VerdictReceiver : IAsyncDisposable
{
    private LoopbackServer _server = null!;

    private VerdictReceiver()
    {
    }

    public Uri Url => new(_server.BaseAddress, "/verdicts");

    public ConcurrentQueue<IHeaderDictionary> Requests { get; } = new();

    public static async Task<VerdictReceiver> StartAsync()
    {
        var receiver = new VerdictReceiver();
        receiver._server = await LoopbackServer.StartAsync(app => app.MapPost("/verdicts", context =>
        {
            receiver.Requests.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)));
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }));
        return receiver;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
