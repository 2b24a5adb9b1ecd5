using System.Diagnostics.CodeAnalysis;
using AlertProbe.Core.Addresses;

namespace AlertProbe.Core.Policy;

/// <summary>A host name pattern: <c>example.com</c> matches exactly, <c>*.example.com</c> matches any sub-domain (at any depth) but not the apex.</summary>
public sealed record DomainPattern
{
    private DomainPattern(string suffix, bool wildcard)
    {
        Suffix = suffix;
        IsWildcard = wildcard;
    }

    /// <summary>The ASCII, lower-case name after any <c>*.</c>.</summary>
    public string Suffix { get; }

    public bool IsWildcard { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out DomainPattern? pattern)
    {
        ArgumentNullException.ThrowIfNull(text);
        pattern = null;
        var trimmed = text.Trim();
        var wildcard = trimmed.StartsWith("*.", StringComparison.Ordinal);
        var name = wildcard ? trimmed[2..] : trimmed;
        if (name.Length == 0 || name.Contains('*', StringComparison.Ordinal)
            || !HostParser.TryParse(name, out var host, out _) || host.Kind != HostKind.Domain)
        {
            return false;
        }

        // The same canonical form the targets are judged in (HostParser), so a pattern and a target always compare alike.
        pattern = new DomainPattern(host.Text, wildcard);
        return true;
    }

    /// <summary>True when the (ASCII, lower-case) host matches.</summary>
    public bool Matches(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return IsWildcard
            ? host.EndsWith("." + Suffix, StringComparison.Ordinal)
            : string.Equals(host, Suffix, StringComparison.Ordinal);
    }

    public override string ToString() => IsWildcard ? "*." + Suffix : Suffix;
}
