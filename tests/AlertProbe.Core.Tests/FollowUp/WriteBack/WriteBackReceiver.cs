using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Core.Tests.FollowUp.WriteBack;

/// <summary>
/// A stand-in for PagerDuty, ServiceNow, Grafana or Jira on 127.0.0.1 (free port): records every request (method,
/// path, headers, body) and answers the next status of <see cref="Respond"/>, then <see cref="DefaultStatus"/>.
/// </summary>
internal sealed class WriteBackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private readonly ConcurrentQueue<int> _statuses = new();

    private WriteBackReceiver(WebApplication app)
    {
        _app = app;
    }

    public int DefaultStatus { get; set; } = StatusCodes.Status201Created;

    /// <summary>When set, every answer is a 302 to this URL.</summary>
    public Uri? RedirectTo { get; set; }

    public IReadOnlyList<ReceivedRequest> Requests => [.. _requests];

    public Uri BaseAddress { get; private set; } = null!;

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
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WriteBackReceiver(app);
        app.Run(async context =>
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

internal sealed record ReceivedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
