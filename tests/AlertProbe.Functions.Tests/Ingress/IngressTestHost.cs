using System.Text;
using System.Text.Json;
using AlertProbe.Core.Ingress;
using AlertProbe.Core.Ingress.Chat;
using AlertProbe.Functions.Ingress;
using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AlertProbe.Functions.Tests.Ingress;

/// <summary>
/// The ingress as Program.cs wires it (<c>AddAlertProbeIngress</c> over configuration), with a mocked Service Bus sender
/// that records what was queued, a fake clock and a fake log collector.
/// </summary>
internal sealed class IngressTestHost : IDisposable
{
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private readonly ServiceProvider _services;

    public IngressTestHost(IDictionary<string, string?> settings, Exception? sendFailure = null, Action<IServiceCollection>? configure = null)
    {
        var sender = new Mock<ServiceBusSender>();
        var send = sender.Setup(s => s.SendMessageAsync(It.IsAny<ServiceBusMessage>(), It.IsAny<CancellationToken>()));
        if (sendFailure is null)
        {
            send.Callback<ServiceBusMessage, CancellationToken>((message, _) => Queued.Add(message)).Returns(Task.CompletedTask);
        }
        else
        {
            send.ThrowsAsync(sendFailure);
        }

        var client = new Mock<ServiceBusClient>();
        client.Setup(c => c.CreateSender("alerts")).Returns(sender.Object);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(client.Object);
        configure?.Invoke(services);
        services.AddAlertProbeIngress(configuration);
        _services = services.BuildServiceProvider();
    }

    public List<ServiceBusMessage> Queued { get; } = [];

    public FakeTimeProvider Time { get; } = new(Now);

    public FakeLogCollector Logs => _services.GetFakeLogCollector();

    public IOptions<IngressOptions> Options => _services.GetRequiredService<IOptions<IngressOptions>>();

    public AlertWebhook AlertWebhook => new(_services.GetRequiredService<AlertWebhookHandler>(), Options);

    public SlackCommand SlackCommand => new(_services.GetRequiredService<SlackCommandHandler>(), Options);

    public TeamsCommand TeamsCommand => new(_services.GetRequiredService<TeamsCommandHandler>(), Options);

    public static HttpRequest Request(byte[] body, string contentType = "application/json", IDictionary<string, string>? headers = null, bool sendContentLength = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(body);
        if (sendContentLength)
        {
            context.Request.ContentLength = body.Length;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }

    public static HttpRequest Request(string body, string contentType = "application/json", IDictionary<string, string>? headers = null)
        => Request(Encoding.UTF8.GetBytes(body), contentType, headers);

    public static int StatusOf(IActionResult result) => result switch
    {
        ContentResult content => content.StatusCode ?? 200,
        ObjectResult obj => obj.StatusCode ?? 200,
        IStatusCodeActionResult status => status.StatusCode ?? 200,
        _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
    };

    /// <summary>The body the result would write.</summary>
    public static string BodyOf(IActionResult result) => result switch
    {
        ContentResult content => content.Content ?? string.Empty,
        ObjectResult obj => JsonSerializer.Serialize(obj.Value),
        _ => string.Empty,
    };

    public void Dispose() => _services.Dispose();
}
