using System.Net;
using AlertProbe.ThousandEyes.Authentication;
using Microsoft.Extensions.Logging;

namespace AlertProbe.ThousandEyes.Http;

/// <summary>
/// Applies the ThousandEyes credential to every request and, after a 401, re-reads it once bypassing the source's
/// cache and resends (a rotated token is picked up at once; a second 401 is the caller's answer). It is the
/// outermost handler, so the rate-limit observer below sees both answers, as it did when the client resent itself.
/// A source that cannot give a credential throws <see cref="ThousandEyesCredentialException"/>, which the client
/// turns into a <c>CredentialsUnavailableError</c>.
/// </summary>
internal sealed class CredentialHandler : DelegatingHandler
{
    private readonly ThousandEyesCredentialSource _credentials;
    private readonly ILogger _logger;

    /// <param name="logger">The client's logger: event 5 has always been logged under the client's category.</param>
    public CredentialHandler(ThousandEyesCredentialSource credentials, ILogger logger)
    {
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var credential = await _credentials.GetCredentialAsync(forceRefresh: false, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = credential.ToAuthorizationHeader();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        Log.CredentialRefreshing(_logger, request.Method.Method, request.RequestUri?.AbsolutePath ?? "?");
        response.Dispose();
        credential = await _credentials.GetCredentialAsync(forceRefresh: true, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = credential.ToAuthorizationHeader();
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
