using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Alerts;

/// <summary>Every web test URL must be an absolute http(s) URL, or the instant test would fail much later.</summary>
public sealed class AzureMonitorParserOptionsValidator : IValidateOptions<AzureMonitorParserOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureMonitorParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.WebTestUrls
            .Where(pair => !Uri.TryCreate(pair.Value, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            .Select(pair => $"{AzureMonitorParserOptions.SectionName}:WebTestUrls:{pair.Key} must be an absolute http(s) URL.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
