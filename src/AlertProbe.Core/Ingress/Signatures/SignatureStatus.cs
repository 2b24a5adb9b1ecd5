namespace AlertProbe.Core.Ingress.Signatures;

/// <summary>The outcome of checking a request signature. Only <see cref="Valid"/> lets a request through.</summary>
public enum SignatureStatus
{
    Valid,

    /// <summary>The signature (or its timestamp) header is absent.</summary>
    Missing,

    /// <summary>A header is present but not in the sender's format (bad prefix, not hex/base64, wrong length).</summary>
    Malformed,

    /// <summary>Well formed, but computed with another secret or over another body.</summary>
    Mismatch,

    /// <summary>Correctly signed, but the signed timestamp is outside the replay window.</summary>
    Expired,
}
