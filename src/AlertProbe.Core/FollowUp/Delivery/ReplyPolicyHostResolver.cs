using System.Net;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>
/// Resolves a reply host name to its addresses for <see cref="ReplyPolicyConnector"/>: <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/>
/// in the app; a test registers its own to answer as a rebinding DNS server would.
/// </summary>
public delegate Task<IPAddress[]> ReplyPolicyHostResolver(string host, CancellationToken cancellationToken);
