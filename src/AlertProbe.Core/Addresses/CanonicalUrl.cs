using System.Globalization;

namespace AlertProbe.Core.Addresses;

/// <summary>
/// An absolute URL with its authority in canonical form: lower-case scheme, <see cref="CanonicalHost"/>, the port
/// only when it is not the scheme's default, no user info. The path, query and fragment are kept as written (the
/// policy judges the authority only; rewriting a path could break what the sender meant, such as an API test's
/// <c>{{variable}}</c>), with "/" in front when the URL had no path.
/// </summary>
public sealed record CanonicalUrl
{
    public required string Scheme { get; init; }

    public required CanonicalHost Host { get; init; }

    /// <summary>The port when written and not the scheme's default.</summary>
    public int? Port { get; init; }

    /// <summary>Everything after the authority as written, starting with '/'.</summary>
    public required string Rest { get; init; }

    /// <summary>
    /// The URL as written carried <c>user:password@</c>. The user info is never kept (it may be a password) and never
    /// part of <see cref="ToString"/>; the caller decides whether to refuse.
    /// </summary>
    public bool HadUserInfo { get; init; }

    /// <summary>The explicit port, else the scheme's default.</summary>
    public int? EffectivePort => Port ?? DefaultPort(Scheme);

    public static int? DefaultPort(string? scheme) => scheme switch
    {
        "https" => 443,
        "http" => 80,
        "ftp" => 21,
        "ftps" => 990,
        "sftp" => 22,
        "ws" => 80,
        "wss" => 443,
        _ => null,
    };

    /// <summary><c>scheme://host[:port]</c>.</summary>
    public string Origin => Port is { } port
        ? $"{Scheme}://{Host.ForAuthority}:{port.ToString(CultureInfo.InvariantCulture)}"
        : $"{Scheme}://{Host.ForAuthority}";

    public override string ToString() => Origin + Rest;
}
