using Azure.Identity;
using Azure.Messaging.ServiceBus;

namespace AlertProbe.Cli.Hosting;

/// <summary>
/// The root cause of an exception in one line, for a person: the innermost exception's message (where the real
/// problem is said: "Connection refused (127.0.0.1:5999)", "Name or service not known"), never a stack trace.
/// </summary>
internal static class ExceptionCause
{
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var chain = new List<Exception>();

        // A credential failure's own first line is its summary; its inner ones are each credential it tried.
        for (Exception? current = exception; current is not null && chain.Count < 16; current = current is AuthenticationFailedException ? null : Inner(current))
        {
            chain.Add(current);
        }

        var innermost = chain[^1];
        var message = FirstLine(innermost);
        if (chain.Count > 1)
        {
            // A wrapper that repeats the inner message with a detail in brackets says more:
            // HttpRequestException "Connection refused (127.0.0.1:5999)" around SocketException "Connection refused".
            var wrapper = FirstLine(chain[^2]);
            if (wrapper.StartsWith(message, StringComparison.Ordinal) && wrapper[message.Length..].TrimStart().StartsWith('('))
            {
                message = wrapper;
            }
        }

        if (exception is ServiceBusException serviceBus && !message.Contains(serviceBus.Reason.ToString(), StringComparison.Ordinal))
        {
            message = $"{message} ({serviceBus.Reason})";
        }

        return message;
    }

    private static Exception? Inner(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : exception.InnerException;

    private static string FirstLine(Exception exception)
    {
        var message = exception.Message;
        var end = message.IndexOfAny(['\r', '\n']);
        var line = (end < 0 ? message : message[..end]).Trim();

        // The Service Bus client appends the whole inner exception, trace included, after "ErrorCode:".
        var errorCode = line.IndexOf(" ErrorCode:", StringComparison.Ordinal);
        if (errorCode > 0)
        {
            line = line[..errorCode].Trim();
        }

        return line.Length > 0 ? line : exception.GetType().Name;
    }
}
