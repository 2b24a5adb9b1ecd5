using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AlertProbe.ThousandEyes.Requests;

/// <summary>
/// An agent-to-server target as the v7 instant API takes it: <c>server</c> is "host" or "host:port" (an IPv6
/// literal bracketed when a port follows), because AgentToServerInstantTestRequest has no port field.
/// </summary>
internal readonly record struct ServerAddress(string Host, int? Port)
{
    /// <summary>Splits "host", "host:port", "v4:port", a bare IPv6 literal or "[v6]:port"; false when the port part is not 1–65535.</summary>
    public static bool TryParse(string text, out ServerAddress address)
    {
        address = default;
        var value = text.Trim();
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            var host = value[1..close];
            var rest = value[(close + 1)..];
            if (rest.Length == 0)
            {
                address = new ServerAddress(host, null);
                return true;
            }

            return rest[0] == ':' && TryPort(rest[1..], out var bracketPort) && Assign(host, bracketPort, out address);
        }

        // A bare IPv6 literal has several colons and cannot carry a port.
        if (IPAddress.TryParse(value, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6)
        {
            address = new ServerAddress(value, null);
            return true;
        }

        var colon = value.LastIndexOf(':');
        if (colon < 0)
        {
            address = new ServerAddress(value, null);
            return true;
        }

        return TryPort(value[(colon + 1)..], out var port) && Assign(value[..colon], port, out address);
    }

    /// <summary>"host:port", bracketing an IPv6 literal; just the host without a port.</summary>
    public string Format() =>
        Port is not { } port ? Host
        : Host.Contains(':', StringComparison.Ordinal) ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{port}")
        : string.Create(CultureInfo.InvariantCulture, $"{Host}:{port}");

    private static bool TryPort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;

    private static bool Assign(string host, int port, out ServerAddress address)
    {
        address = new ServerAddress(host, port);
        return host.Length > 0;
    }
}
