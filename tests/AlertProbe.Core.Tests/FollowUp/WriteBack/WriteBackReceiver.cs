using System.Collections.Concurrent;
using AlertProbe.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AlertProbe.Core.Tests.FollowUp.WriteBack;

/// <summary>
/// A stand-in for PagerDuty, ServiceNow, Grafana or Jira on 127.0.0.1 (free port): records every request (method,
/// path, headers, body) and answers the next status of <see cref="Respond"/>, then <see cref="DefaultStatus"/>.
/// </summary>
internal sealed class WriteBackReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentQueue<int> _statuses = new();
    private LoopbackServer _server = null!;

    private WriteBackReceiver()
    {
    }

    public int DefaultStatus { get; set; } = StatusCodes.Status201Created;

    /// <summary>When set, every answer is a 302 to this URL.</summary>
    public Uri? RedirectTo { get; set; }

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The next requests get these statuses, in order.</summary>
    public void Respond(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _statuses.Enqueue(status);
        }
    }

    public static async Task<WriteBackReceiver> StartAsync()
    {
        var receiver = new WriteBackReceiver();
        receiver._server = await LoopbackServer.StartAsync(app => app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver._requests.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body));
            if (receiver.RedirectTo is { } target)
            {
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = target.ToString();
                return;
            }

            context.Response.StatusCode = receiver._statuses.TryDequeue(out var status) ? status : receiver.DefaultStatus;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{}", context.RequestAborted);
        }));
        return receiver;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
