namespace AlertProbe.Cli.Hosting;

/// <summary>
/// The outermost handler of every HTTP client the CLI hosts: records why a call failed (the transport's own words)
/// in <see cref="FailureCauses"/>, then lets the failure go on unchanged.
/// </summary>
internal sealed class CauseRecordingHandler(FailureCauses causes) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            causes.Record(exception);
            throw;
        }
    }
}
