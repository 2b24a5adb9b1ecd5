using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Core.Tests.FollowUp.Support;

/// <summary>A reply destination on 127.0.0.1 (free port) that records every POST and answers <see cref="StatusCode"/>.</summary>
internal sealed class ReplyReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedReply> _replies = new();

    private ReplyReceiver(WebApplication app)
    {
        _app = app;
    }

    /// <summary>What every request gets back (change it between steps to make the destination fail or recover).</summary>
    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public IReadOnlyList<ReceivedReply> Replies => [.. _replies];

    public Uri Url(string path = "/reply") => new(BaseAddress, path.TrimStart('/'));

    private Uri BaseAddress { get; set; } = null!;

    public static async Task<ReplyReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new ReplyReceiver(app);
        app.MapPost("/{**path}", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            receiver._replies.Enqueue(new ReceivedReply(context.Request.Path + context.Request.QueryString, context.Request.ContentType, body));
            context.Response.StatusCode = receiver.StatusCode;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record ReceivedReply(string PathAndQuery, string? ContentType, string Body);
