namespace AlertProbe.ThousandEyes.Authentication;

/// <summary>
/// A credential source could not produce a credential. The message names settings or secret names, never values.
/// The client turns it into a <see cref="Errors.CredentialsUnavailableError"/>.
/// </summary>
public sealed class ThousandEyesCredentialException : Exception
{
    public ThousandEyesCredentialException()
    {
    }

    public ThousandEyesCredentialException(string message)
        : base(message)
    {
    }

    public ThousandEyesCredentialException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ThousandEyesCredentialException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    /// <summary>True when trying again later may work (Key Vault throttled or unreachable).</summary>
    public bool IsTransient { get; }
}
