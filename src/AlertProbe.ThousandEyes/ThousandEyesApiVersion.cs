namespace AlertProbe.ThousandEyes;

/// <summary>The ThousandEyes API version the client speaks.</summary>
public enum ThousandEyesApiVersion
{
    /// <summary>Deprecated (unsupported since 2025-05-27) but still spoken by some accounts and proxies.</summary>
    V6 = 6,

    /// <summary>The current API: string ids, lower-case enums, real booleans, bearer tokens only.</summary>
    V7 = 7,
}
