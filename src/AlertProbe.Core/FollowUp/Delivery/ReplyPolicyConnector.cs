using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>
/// The reply HttpClient's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the reply host itself, judges every
/// address it resolves to with the <see cref="ReplyPolicy"/> (<see cref="ReplyPolicy.CheckResolved"/>: loopback, private,
/// link-local, metadata and the other reserved ranges, in every IPv6 embedding), and connects only when all of them
/// are allowed — to the first that answers. A name allowed by pattern therefore cannot be pointed at an internal
/// address between the policy's check and the connection (DNS rebinding). A mixed answer (a public and a private
/// address) is refused whole: it is what a rebinding server sends, and no reply service needs it.
/// </summary>
public sealed class ReplyPolicyConnector(ReplyPolicy policy, ReplyPolicyHostResolver resolve)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await resolve(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new HttpRequestException(HttpRequestError.NameResolutionError, $"Reply host '{host}' resolved to no address.");
        }

        foreach (var address in addresses)
        {
            if (policy.CheckResolved(host, address) is { } refused)
            {
                throw new HttpRequestException(HttpRequestError.ConnectionError, $"Not connecting to the reply host: {refused.Description}.");
            }
        }

        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
        }

        throw new HttpRequestException(HttpRequestError.ConnectionError, $"Could not connect to reply host '{host}'.", last);
    }
}
