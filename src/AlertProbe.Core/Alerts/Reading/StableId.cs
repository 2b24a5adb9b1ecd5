using System.Security.Cryptography;
using System.Text;

namespace AlertProbe.Core.Alerts.Reading;

/// <summary>Deterministic ids for alerts whose sender gave none, stable across redeliveries.</summary>
internal static class StableId
{
    /// <summary>A hash of the label set, independent of label order (what Alertmanager's fingerprint identifies too).</summary>
    public static string FromLabels(IReadOnlyDictionary<string, string> labels)
    {
        var canonical = new StringBuilder();
        foreach (var (key, value) in labels.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            canonical.Append(key).Append('\u0000').Append(value).Append('\u0001');
        }

        return "labels-" + Hash(Encoding.UTF8.GetBytes(canonical.ToString()));
    }

    public static string FromText(string text) => "sha256-" + Hash(Encoding.UTF8.GetBytes(text));

    private static string Hash(byte[] bytes) =>
        Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16));
}
