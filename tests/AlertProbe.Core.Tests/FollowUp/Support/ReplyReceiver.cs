using System.Collections.Concurrent;
using AlertProbe.Testing.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AlertProbe.Core.Tests.FollowUp.Support;

/// <summary>A reply destination on 127.0.0.1 (free port) that records every POST and answers <see cref="StatusCode"/>.</summary>
internal sealed class ReplyReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedReply> _replies = new();
    private LoopbackServer _server = null!;

    private ReplyReceiver()
    {
    }

    /// <summary>What every request gets back (change it between steps to make the destination fail or recover).</summary>
    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public IReadOnlyList<ReceivedReply> Replies => [.. _replies];

    public Uri Url(string path = "/reply") => new(_server.BaseAddress, path.TrimStart('/'));

    public static async Task<ReplyReceiver> StartAsync()
    {
        var receiver = new ReplyReceiver();
        receiver._server = await LoopbackServer.StartAsync(app => app.MapPost("/{**path}", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            receiver._replies.Enqueue(new ReceivedReply(context.Request.Path + context.Request.QueryString, context.Request.ContentType, body));
            context.Response.StatusCode = receiver.StatusCode;
        }));
        return receiver;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

internal sealed record ReceivedReply(string PathAndQuery, string? ContentType, string Body);
