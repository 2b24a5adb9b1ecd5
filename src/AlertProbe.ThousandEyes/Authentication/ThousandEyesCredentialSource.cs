namespace AlertProbe.ThousandEyes.Authentication;

/// <summary>
/// Where the client gets its credential. <c>forceRefresh</c> bypasses any cache: the client asks for it once after
/// a 401, so a rotated token is picked up at once. Failures throw <see cref="ThousandEyesCredentialException"/>.
/// </summary>
public abstract class ThousandEyesCredentialSource
{
    public abstract ValueTask<ThousandEyesCredential> GetCredentialAsync(bool forceRefresh, CancellationToken cancellationToken);
}
