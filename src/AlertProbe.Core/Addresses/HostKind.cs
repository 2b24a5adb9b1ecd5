namespace AlertProbe.Core.Addresses;

/// <summary>What a canonical host is (the WHATWG URL standard's host kinds, opaque hosts aside).</summary>
public enum HostKind
{
    /// <summary>An ASCII domain name (IDN labels in punycode).</summary>
    Domain,

    /// <summary>An IPv4 address, whatever number form it was written in.</summary>
    IPv4,

    /// <summary>An IPv6 address.</summary>
    IPv6,
}
