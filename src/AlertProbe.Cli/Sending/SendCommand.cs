using System.CommandLine;
using AlertProbe.Cli.Hosting;
using AlertProbe.Cli.Output;
using AlertProbe.Cli.Payloads;
using AlertProbe.Core.Ingress;
using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Cli.Sending;

/// <summary><c>alertprobe send</c>: a manual message on a real Service Bus queue, signed in with DefaultAzureCredential.</summary>
internal static class SendCommand
{
    public static Command Create(CliContext context)
    {
        var payload = new Argument<string>("payload-file") { Description = "The payload (JSON) to put on the queue, unchanged." };
        var serviceBusNamespace = new Option<string>("--namespace")
        {
            Description = "Service Bus namespace host name, e.g. sb-alertprobe.servicebus.windows.net.",
            HelpName = "FQDN",
            Required = true,
        };
        var queue = new Option<string>("--queue")
        {
            Description = "Queue name.",
            HelpName = "NAME",
            DefaultValueFactory = _ => "alerts",
        };
        var source = CommonOptions.Source();
        var command = new Command(
            "send",
            "Send a payload file to the alerts queue of a real Service Bus namespace (DefaultAzureCredential: az login, "
            + "environment or managed identity; needs 'Azure Service Bus Data Sender'). Prints the message id, a hash of "
            + "the body. Exit 0: sent; 1: Service Bus refused or unreachable; 2: usage error; 3: message too large.")
        {
            payload, serviceBusNamespace, queue, source,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            parse.GetRequiredValue(payload),
            parse.GetRequiredValue(serviceBusNamespace),
            parse.GetRequiredValue(queue),
            parse.GetValue(source),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, string payloadPath, string fullyQualifiedNamespace, string queue, string? source, CancellationToken cancellationToken)
    {
        var file = PayloadFile.Read(context, payloadPath, out var readError);
        if (file is null)
        {
            return ErrorOutput.Usage(context, readError!);
        }

        var host = fullyQualifiedNamespace.Trim();
        if (Uri.CheckHostName(host) != UriHostNameType.Dns || !host.Contains('.', StringComparison.Ordinal))
        {
            return ErrorOutput.Usage(context, $"--namespace must be the namespace's host name, e.g. {host}.servicebus.windows.net");
        }

        using var logging = new ServiceCollection()
            .AddLogging(builder => builder.AddProvider(new TextWriterLoggerProvider(context.Error, LogLevel.Warning)))
            .BuildServiceProvider();
        await using var client = new ServiceBusClient(host, new DefaultAzureCredential());
        await using var sender = client.CreateSender(queue);
        var (outcome, messageId) = await QueueDrop.SendAsync(
            file, source, sender, logging.GetRequiredService<ILogger<AlertQueueSender>>(), cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case QueueSendOutcome.Sent:
                await context.Out.WriteLineAsync(messageId).ConfigureAwait(false);
                return ExitCodes.Success;
            case QueueSendOutcome.TooLarge:
                await context.Error.WriteLineAsync($"alertprobe: {queue} refused the message as too large ({file.Body.Length} bytes).").ConfigureAwait(false);
                return ExitCodes.Rejected;
            default:
                return ErrorOutput.Failure(context, $"could not send to {host}/{queue} (see the warning above): check the namespace, the queue and the 'Azure Service Bus Data Sender' role.");
        }
    }
}
