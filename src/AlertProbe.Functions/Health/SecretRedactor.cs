using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace AlertProbe.Functions.Health;

/// <summary>
/// Knows the configured values that are secrets (tokens, passwords, signing secrets, keys, connection strings) so
/// text leaving the app can be scrubbed of them. The checks never put values in their output; this catches a
/// validator or description that would.
/// </summary>
public sealed partial class SecretRedactor(IConfiguration configuration)
{
    private const string Mask = "***";

    // Connection-string slots the Functions host and SDKs read, besides keys that look secret by name.
    private static readonly string[] ConnectionSettings = ["ServiceBus", "AzureWebJobsStorage", "AzureWebJobsServiceBus"];

    /// <summary>Reads configuration now, so a reload (rotated secret) is covered.</summary>
    public RedactionSet CurrentSecrets()
    {
        var secrets = configuration.AsEnumerable()
            .Where(setting => setting.Value is { Length: >= 4 } && IsSecret(setting.Key, setting.Value))
            .Select(setting => setting.Value!)
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(value => value.Length)
            .ToList();
        return new RedactionSet(secrets, Mask);
    }

    private static bool IsSecret(string key, string value)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        return SecretName().IsMatch(name)
            || ConnectionSettings.Contains(key, StringComparer.OrdinalIgnoreCase)
            || value.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
            || value.Contains("SharedAccessKey=", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("(token|secret|password|connectionstring|accountkey|accesskey|apikey)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();
}
