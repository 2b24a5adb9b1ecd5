namespace AlertProbe.ThousandEyes.Requests;

/// <summary>
/// One address-bearing field of an instant-test request.
/// </summary>
/// <param name="Path">
/// Where it is: dot-separated member names, <c>[]</c> after a member that is an array of them
/// (<c>requests[].url</c>, <c>dnsServers[]</c>).
/// </param>
/// <param name="Kind">What it holds.</param>
/// <param name="ObjectMember">
/// For an entry that may also be written as an object: the member holding the address (v6 writes dnsServers
/// entries as <c>{"serverName": …}</c>, v7 as strings).
/// </param>
public sealed record InstantTestAddressField(string Path, InstantTestAddressKind Kind, string? ObjectMember = null);
