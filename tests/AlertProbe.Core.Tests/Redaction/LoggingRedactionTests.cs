using AlertProbe.Core.Redaction;
using AlertProbe.ThousandEyes.Errors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AlertProbe.Core.Tests.Redaction;

/// <summary>
/// Every text given to an <see cref="ILogger"/> of a container with <c>AddSecretRedactingLogging</c> reaches the
/// providers redacted: the formatted message, each structured value, scopes, and the messages of the exception chain.
/// </summary>
public sealed partial class LoggingRedactionTests
{
    private const string Token = "log-token-Vb93kq27Lm";

    static LoggingRedactionTests() => SecretRedactor.Remember(Token);

    [Fact]
    public void Formatted_message_and_structured_values_reach_providers_redacted()
    {
        using var services = Services();
        var logger = services.GetRequiredService<ILogger<LoggingRedactionTests>>();

        Log.Called(logger, "https://ops:pa55word-x@te.example.com/v7/", $"upstream said Authorization: Bearer {Token}");

        var record = Assert.Single(services.GetFakeLogCollector().GetSnapshot());
        Assert.DoesNotContain(Token, record.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word-x", record.Message, StringComparison.Ordinal);
        Assert.All(record.StructuredState!, pair => Assert.DoesNotContain(Token, pair.Value ?? string.Empty, StringComparison.Ordinal));
        Assert.All(record.StructuredState!, pair => Assert.DoesNotContain("pa55word-x", pair.Value ?? string.Empty, StringComparison.Ordinal));
        Assert.Contains(record.StructuredState!, pair => pair.Key == "BaseUrl" && pair.Value == "https://[redacted]@te.example.com/v7/");
    }

    [Fact]
    public void Exception_messages_of_the_whole_chain_reach_providers_redacted()
    {
        using var services = Services();
        var logger = services.GetRequiredService<ILogger<LoggingRedactionTests>>();
        var failure = new InvalidOperationException("call failed", new HttpRequestException($"400: {{\"echo\":\"Bearer {Token}\"}}"));

        Log.Failed(logger, failure);

        var logged = Assert.Single(services.GetFakeLogCollector().GetSnapshot()).Exception!;
        Assert.DoesNotContain(Token, logged.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, logged.InnerException!.Message, StringComparison.Ordinal);
        Assert.StartsWith("System.InvalidOperationException: call failed", logged.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_with_nothing_to_redact_is_passed_on_as_it_is()
    {
        using var services = Services();
        var failure = new TimeoutException("no answer in 30 s");

        Log.Failed(services.GetRequiredService<ILogger<LoggingRedactionTests>>(), failure);

        Assert.Same(failure, Assert.Single(services.GetFakeLogCollector().GetSnapshot()).Exception);
    }

    [Fact]
    public void Scope_values_reach_providers_redacted()
    {
        using var services = Services();
        var logger = services.GetRequiredService<ILogger<LoggingRedactionTests>>();

        using (logger.BeginScope(new Dictionary<string, object?> { ["Callback"] = $"https://hooks.example.com/x?token={Token}" }))
        {
            Log.Called(logger, "https://te.example.com/", "ok");
        }

        var scope = Assert.Single(Assert.Single(services.GetFakeLogCollector().GetSnapshot()).Scopes);
        var values = Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object?>>>(scope);
        Assert.DoesNotContain(Token, string.Join(" ", values.Select(pair => pair.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_secret_escaped_by_a_json_writer_or_url_encoded_is_redacted()
    {
        const string secret = "k3y+With/Slash-Qm19";
        SecretRedactor.Remember(secret);

        foreach (var spelling in new[] { "k3y\\u002BWith/Slash-Qm19", "k3y\\u002bWith\\/Slash-Qm19", "k3y+With\\/Slash-Qm19", "k3y%2BWith%2FSlash-Qm19" })
        {
            Assert.Equal($"body {{\"t\":\"{SecretRedactor.Mask}\"}}", SecretRedactor.Redact($"body {{\"t\":\"{spelling}\"}}"));
        }
    }

    [Fact]
    public void Writer_redacts_a_known_secret_split_across_two_writes()
    {
        using var inner = new StringWriter();
        using (var writer = new RedactingTextWriter(inner))
        {
            writer.Write("token: " + Token[..6]);
            writer.Write(Token[6..]);
            writer.Write('!');
            writer.WriteLine();
            writer.Write("unfinished " + Token[..4]);
            writer.Write(Token[4..]);
        }

        Assert.DoesNotContain(Token, inner.ToString(), StringComparison.Ordinal);
        Assert.Equal($"token: {SecretRedactor.Mask}!{Environment.NewLine}unfinished {SecretRedactor.Mask}", inner.ToString());
    }

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddFakeLogging();
        services.AddSecretRedactingLogging();
        return services.BuildServiceProvider();
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Called {BaseUrl}: {Answer}")]
        public static partial void Called(ILogger logger, string baseUrl, string answer);

        [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Failed")]
        public static partial void Failed(ILogger logger, Exception exception);
    }
}
