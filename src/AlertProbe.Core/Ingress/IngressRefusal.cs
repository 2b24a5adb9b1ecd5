using AlertProbe.Core.Ingress.Signatures;

namespace AlertProbe.Core.Ingress;

/// <summary>Why an ingress request was not queued. The HTTP adapters map each to a status code.</summary>
public enum IngressRefusal
{
    /// <summary>The webhook route names no known source (404).</summary>
    UnknownSource,

    /// <summary>The endpoint is not configured, e.g. Slack without a signing secret (404).</summary>
    NotConfigured,

    /// <summary>Empty or unreadable body (400).</summary>
    InvalidRequest,

    /// <summary>Over <see cref="IngressOptions.MaxBodyBytes"/> or over the queue's message size (413).</summary>
    BodyTooLarge,

    /// <summary>Signature header absent (401).</summary>
    SignatureMissing,

    /// <summary>Signature header not in the sender's format (401).</summary>
    SignatureMalformed,

    /// <summary>Signature does not match (401).</summary>
    SignatureMismatch,

    /// <summary>Signed timestamp outside the replay window (401).</summary>
    SignatureExpired,

    /// <summary>The signing secret could not be read from Key Vault (503: retry).</summary>
    SecretUnavailable,

    /// <summary>The source is signed but its secret is absent or empty (503: an operator must set it; the sender retries).</summary>
    SecretMissing,

    /// <summary>Service Bus failed (503: retry).</summary>
    QueueUnavailable,

    /// <summary>
    /// The target or reply address policy refuses the request (422): what the intake would dead-letter; the
    /// refusal's message names the field.
    /// </summary>
    PolicyDenied,
}

public static class IngressRefusals
{
    public static IngressRefusal From(SignatureStatus status) => status switch
    {
        SignatureStatus.Missing => IngressRefusal.SignatureMissing,
        SignatureStatus.Malformed => IngressRefusal.SignatureMalformed,
        SignatureStatus.Mismatch => IngressRefusal.SignatureMismatch,
        SignatureStatus.Expired => IngressRefusal.SignatureExpired,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A valid signature is not a refusal."),
    };

    /// <summary>A short, secret-free explanation for the caller.</summary>
    public static string Describe(IngressRefusal refusal) => refusal switch
    {
        IngressRefusal.SignatureMissing => "The request is not signed.",
        IngressRefusal.SignatureMalformed => "The request signature is malformed.",
        IngressRefusal.SignatureMismatch => "The request signature does not match.",
        IngressRefusal.SignatureExpired => "The request timestamp is outside the allowed window.",
        IngressRefusal.SecretUnavailable => "The signing secret is temporarily unavailable; retry later.",
        IngressRefusal.SecretMissing => "This source's signing secret is not set up, so its requests cannot be verified; retry later.",
        IngressRefusal.QueueUnavailable => "The alerts queue is temporarily unavailable; retry later.",
        IngressRefusal.NotConfigured => "This endpoint is not configured.",
        IngressRefusal.BodyTooLarge => "The request body is too large.",
        IngressRefusal.InvalidRequest => "The request body is empty or unreadable.",
        IngressRefusal.UnknownSource => "Unknown alert source.",
        IngressRefusal.PolicyDenied => "The request names an address the target or reply policy refuses.",
        _ => refusal.ToString(),
    };
}
