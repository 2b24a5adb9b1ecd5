using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace AlertProbe.Core.Rules;

/// <summary>A rules file in a blob; its version is the blob's ETag, so a poll costs one properties request.</summary>
public sealed class BlobRulesDocumentSource(BlobClient blob) : RulesDocumentSource
{
    private readonly BlobClient blob = blob ?? throw new ArgumentNullException(nameof(blob));

    /// <summary>The blob's URI without a query (a SAS would be a secret).</summary>
    public override string Name => new UriBuilder(blob.Uri) { Query = string.Empty }.Uri.ToString();

    public override string Kind => "blob";

    public override RulesDocument Read()
    {
        try
        {
            var content = blob.DownloadContent().Value;
            return new RulesDocument(content.Content.ToString(), content.Details.ETag.ToString());
        }
        catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException)
        {
            throw Unavailable(exception);
        }
    }

    public override async Task<string> GetVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var properties = await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return properties.Value.ETag.ToString();
        }
        catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException)
        {
            throw Unavailable(exception);
        }
    }

    public override async Task<RulesDocument> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var content = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            return new RulesDocument(content.Content.ToString(), content.Details.ETag.ToString());
        }
        catch (Exception exception) when (exception is RequestFailedException or AuthenticationFailedException)
        {
            throw Unavailable(exception);
        }
    }

    // Status and error code only: the service's message can echo request details.
    private RulesDocumentUnavailableException Unavailable(Exception exception) => new(exception is RequestFailedException failed
        ? $"cannot read the rules blob {Name}: HTTP {failed.Status} {failed.ErrorCode ?? "(no error code)"}"
        : $"cannot read the rules blob {Name}: the app's identity could not get a token ({exception.GetType().Name})", exception);
}
