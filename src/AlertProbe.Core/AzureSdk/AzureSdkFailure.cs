using Azure;

namespace AlertProbe.Core.AzureSdk;

/// <summary>
/// An Azure SDK call's failure as one <see cref="RequestFailedException"/>, whose <c>Status</c> callers judge. When no
/// try got an answer (connection refused, name not resolved, connection reset), Azure.Core's retry policy does not throw
/// a RequestFailedException but an <see cref="AggregateException"/> of one per try (status 0 each). Checked on this
/// machine against a closed loopback port with default client options: Azure.Data.Tables 12.13.0 and
/// Azure.Security.KeyVault.Secrets 4.12.0 both threw an AggregateException of four after about 6 s
/// (<c>UnreachableAzureServiceTests</c> keeps that fact).
/// </summary>
internal static class AzureSdkFailure
{
    /// <summary>The failure as a RequestFailedException (the last try's, for retries that all failed), or null when it is not one.</summary>
    public static RequestFailedException? AsRequestFailed(Exception exception) => exception switch
    {
        RequestFailedException failed => failed,
        AggregateException { InnerExceptions: [.., RequestFailedException last] } aggregate
            when aggregate.InnerExceptions.All(inner => inner is RequestFailedException) => last,
        _ => null,
    };

    /// <summary>
    /// One RequestFailedException for retries that all failed without an answer: the last try's status and error code,
    /// the tries kept as the inner exception.
    /// </summary>
    public static RequestFailedException Single(AggregateException tries, RequestFailedException last) =>
        new(last.Status, $"no answer after {tries.InnerExceptions.Count} tries: {last.Message}", last.ErrorCode, tries);
}
