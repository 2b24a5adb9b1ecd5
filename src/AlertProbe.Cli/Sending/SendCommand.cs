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
        var timeout = CommonOptions.Duration("--timeout", TimeSpan.FromMinutes(1), $"Give up after this much time (retries included) and exit {ExitCodes.TimedOut}.");
        var verbose = CommonOptions.Verbose();
        var command = new Command(
            "send",
            "Send a payload file to the alerts queue of a real Service Bus namespace (DefaultAzureCredential: az login, "
            + "environment or managed identity; needs 'Azure Service Bus Data Sender'). Prints the message id, a hash of "
            + $"the body. Exit {ExitCodes.Success}: sent; {ExitCodes.Failure}: Service Bus refused or unreachable; {ExitCodes.Usage}: usage error; "
            + $"{ExitCodes.Rejected}: message too large; {ExitCodes.TimedOut}: --timeout reached.")
        {
            payload, serviceBusNamespace, queue, source, timeout, verbose,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            context,
            parse.GetRequiredValue(payload),
            parse.GetRequiredValue(serviceBusNamespace),
            parse.GetRequiredValue(queue),
            parse.GetValue(source),
            parse.GetValue(timeout),
            parse.GetValue(verbose),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CliContext context, string payloadPath, string fullyQualifiedNamespace, string queue, string? source, TimeSpan timeout, bool verbose, CancellationToken cancellationToken)
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

        // The one-line summary below names the cause; the sender's own log (and the Azure SDK's) only with --verbose.
        var causes = new FailureCauses();
        var display = LogDisplay.Quiet(verbose);
        using var logging = new ServiceCollection()
            .AddLogging(builder => builder.SetMinimumLevel(display.Minimum).AddProvider(new TextWriterLoggerProvider(context.Error, display, causes)))
            .BuildServiceProvider();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        QueueSendOutcome outcome;
        string messageId;
        using (var progress = ProgressDisplay.For(context))
        {
            progress.Update($"sending {file.DisplayName} to {host}/{queue}");
            try
            {
                // Each try gets the whole timeout at most; the deadline bounds them all.
                var options = new ServiceBusClientOptions { RetryOptions = { TryTimeout = timeout < TimeSpan.FromMinutes(1) ? timeout : TimeSpan.FromMinutes(1) } };
                await using var client = new ServiceBusClient(host, new DefaultAzureCredential(), options);
                await using var sender = client.CreateSender(queue);
                (outcome, messageId) = await QueueDrop.SendAsync(
                    file, source, sender, logging.GetRequiredService<ILogger<AlertQueueSender>>(), deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                progress.Dispose();
                var cause = causes.Latest is { } seen ? $"; last error: {seen}" : string.Empty;
                await context.Error.WriteLineAsync($"alertprobe: timed out after {Mapping.MapRenderer.Duration(timeout)} (--timeout) sending to {host}/{queue}{cause}.").ConfigureAwait(false);
                return ExitCodes.TimedOut;
            }
        }

        switch (outcome)
        {
            case QueueSendOutcome.Sent:
                await context.Out.WriteLineAsync(messageId).ConfigureAwait(false);
                return ExitCodes.Success;
            case QueueSendOutcome.TooLarge:
                await context.Error.WriteLineAsync($"alertprobe: {queue} refused the message as too large ({file.Body.Length} bytes).").ConfigureAwait(false);
                return ExitCodes.Rejected;
            default:
                var because = causes.Latest is { } reason ? $": {reason}" : string.Empty;
                return ErrorOutput.Failure(
                    context,
                    $"could not send to {host}/{queue}{because}. Check the namespace, the queue, that you are signed in (az login) and the 'Azure Service Bus Data Sender' role.");
        }
    }
}
