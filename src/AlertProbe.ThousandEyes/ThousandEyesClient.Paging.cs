using System.Runtime.CompilerServices;
using AlertProbe.ThousandEyes.Http;

namespace AlertProbe.ThousandEyes;

public sealed partial class ThousandEyesClient
{
    /// <summary>
    /// The pages of one listing, first to last, at most <see cref="ThousandEyesOptions.MaxResultPages"/>: each answer
    /// as it came, then the next link its body names (<see cref="PageLinks"/>) while that stays on the configured API.
    /// It stops after an error, a page without a next link, a link off the API (<see cref="Page.LeavesTheApi"/>) or the
    /// cap; the last page's <see cref="Page.Next"/> says whether more were left.
    /// </summary>
    private async IAsyncEnumerable<Page> PagesAsync(
        Uri first, ThousandEyesApiVersion version, string? accountGroupId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Uri? next = first;
        for (var fetched = 0; next is not null && fetched < _options.MaxResultPages; fetched++)
        {
            var exchange = await SendAsync(ThousandEyesOperation.Read, HttpMethod.Get, next, null, accountGroupId, cancellationToken).ConfigureAwait(false);
            var href = exchange.Error is null ? PageLinks.Next(exchange.Body, version) : null;
            next = href is null ? null : SameOrigin(href, accountGroupId);
            yield return new Page(exchange, next, LeavesTheApi: href is not null && next is null);
        }
    }

    /// <param name="Next">The next page's address, when there is one on the configured API.</param>
    /// <param name="LeavesTheApi">The body names a next page on another host; it is not followed (the credential would go there).</param>
    private sealed record Page(Exchange Exchange, Uri? Next, bool LeavesTheApi);
}
