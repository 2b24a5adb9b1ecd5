namespace AlertProbe.ThousandEyes.Errors;

/// <summary>The credential could not be read (Key Vault secret missing or unreachable, setting absent).</summary>
public sealed record CredentialsUnavailableError(string Reason, bool IsTransient) : ThousandEyesError
{
    public override string Message => $"ThousandEyes credentials unavailable: {Reason}";
}
