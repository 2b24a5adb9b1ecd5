using System.Net;

namespace AlertProbe.Core.Policy;

/// <summary>Strict CIDR parsing: <c>10.1.0.0/8</c> is refused (bits after the prefix) rather than silently widened or narrowed.</summary>
internal static class CidrBlock
{
    public static bool TryParse(string text, out IPNetwork network)
    {
        ArgumentNullException.ThrowIfNull(text);
        network = default;
        var trimmed = text.Trim();
        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(trimmed[..slash], out var address) || !IPNetwork.TryParse(trimmed, out var parsed))
        {
            return false;
        }

        network = parsed;
        return parsed.BaseAddress.Equals(address);
    }
}
