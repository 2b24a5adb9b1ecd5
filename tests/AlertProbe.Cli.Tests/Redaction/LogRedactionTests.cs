using AlertProbe.Cli.Hosting;
using AlertProbe.ThousandEyes.Errors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Cli.Tests.Redaction;

/// <summary>
/// The CLI's container redacts at the logger, before its standard-error provider writes a line: a secret in a log
/// message or an exception is masked even on a writer that does not redact by itself.
/// </summary>
public sealed class LogRedactionTests
{
    private const string Token = "cli-log-token-Hq47Xn20";

    [Fact]
    public void A_secret_in_a_log_message_or_its_exception_never_reaches_standard_error()
    {
        SecretRedactor.Remember(Token);
        using var error = new StringWriter();
        var context = new CliContext { Out = TextWriter.Null, Error = error };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ThousandEyes:BaseUrl"] = "http://127.0.0.1:5080/",
            ["ThousandEyes:BearerToken"] = Token,
            ["Ledger:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Messaging:Transport"] = "InMemory",
        }).Build();
        using (var services = CliServices.Build(context, configuration, LogDisplay.For(verbose: true)))
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AlertProbe.Core.Intake.AlertIntakeHandler");
#pragma warning disable CA1848, CA2254 // A library-style log line, as a dependency would write it.
            logger.LogError(new InvalidOperationException($"upstream echoed Bearer {Token}"), $"calling https://ops:{Token}@te.example.com/ failed");
#pragma warning restore CA1848, CA2254
        }

        Assert.Contains("calling https://[redacted]@te.example.com/ failed", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }
}
