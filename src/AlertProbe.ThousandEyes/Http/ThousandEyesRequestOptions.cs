namespace AlertProbe.ThousandEyes.Http;

/// <summary>Keys the client puts on <see cref="HttpRequestMessage.Options"/> for the resilience pipeline.</summary>
internal static class ThousandEyesRequestOptions
{
    public static HttpRequestOptionsKey<ThousandEyesOperation> Operation { get; } = new("AlertProbe.ThousandEyes.Operation");

    public static ThousandEyesOperation OperationOf(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Operation, out var operation) ? operation : ThousandEyesOperation.Read;
}
