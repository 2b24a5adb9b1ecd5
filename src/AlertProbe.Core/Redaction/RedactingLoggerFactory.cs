using Microsoft.Extensions.Logging;

namespace AlertProbe.Core.Redaction;

/// <summary>
/// The logger factory of both hosts, in front of the platform's <see cref="LoggerFactory"/>: every logger it hands
/// out passes its formatted message, its structured state values, its scopes and its exception's messages through
/// <see cref="ThousandEyes.Errors.SecretRedactor"/> before any provider (Application Insights, OpenTelemetry, the
/// Functions host, the CLI's standard error, a test collector) sees them. Decorating the factory, not each provider,
/// keeps the providers' own types, so per-provider filter rules (<c>Logging:ApplicationInsights:LogLevel</c>) still apply,
/// and covers providers registered after this one.
/// </summary>
/// <remarks>
/// Microsoft.Extensions.Compliance.Redaction (served here) was considered and not used: it redacts values a developer
/// classified in advance (<c>[LogProperties]</c> with data classification attributes), while what leaks here is
/// content nobody classified — an upstream body echoing a token inside an exception message, a URL with user info in a
/// library's log line. A content-scanning decorator catches those; the classification engine cannot.
/// </remarks>
public sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
