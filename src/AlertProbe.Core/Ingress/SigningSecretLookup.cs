namespace AlertProbe.Core.Ingress;

/// <summary>The result of looking up a sender's signing secret. Its text form never contains the secret.</summary>
public sealed class SigningSecretLookup
{
    private SigningSecretLookup(SigningSecretStatus status, string? secret)
    {
        Status = status;
        Secret = secret;
    }

    public static SigningSecretLookup NotConfigured { get; } = new(SigningSecretStatus.NotConfigured, null);

    public static SigningSecretLookup Unavailable { get; } = new(SigningSecretStatus.Unavailable, null);

    public static SigningSecretLookup Missing { get; } = new(SigningSecretStatus.Missing, null);

    public SigningSecretStatus Status { get; }

    /// <summary>The secret when <see cref="Status"/> is <see cref="SigningSecretStatus.Found"/>.</summary>
    public string? Secret { get; }

    public static SigningSecretLookup Found(string secret) => new(SigningSecretStatus.Found, secret);

    public override string ToString() => Status.ToString();
}

public enum SigningSecretStatus
{
    Found,

    /// <summary>The source has no signing secret configured: its requests are not signature-checked.</summary>
    NotConfigured,

    /// <summary>Key Vault could not be read (transient): answer 503 so the sender retries.</summary>
    Unavailable,

    /// <summary>
    /// The source is signed but has no usable secret: the Key Vault secret is absent or empty, the value is blank, or an
    /// app setting holds an unresolved Key Vault reference. Requests are refused (never let through unverified).
    /// </summary>
    Missing,
}
