using System.Globalization;
using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Http;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Responses;

namespace AlertProbe.ThousandEyes;

public sealed partial class ThousandEyesClient
{
    /// <summary>The spans a snapshot may cover (Test Snapshots API 7.0.100: 1, 2, 4, 6, 12, 24 or 48 hours).</summary>
    public static IReadOnlyList<TimeSpan> SnapshotSpans { get; } = [.. new[] { 1, 2, 4, 6, 12, 24, 48 }.Select(hours => TimeSpan.FromHours(hours))];

    /// <summary>
    /// Creates a share link of a test's results, v7 <c>POST /v7/tests/{testId}/snapshot</c> with <c>displayName</c>,
    /// <c>startDate</c>, <c>endDate</c> (UTC ISO date-times). The span must be one of <see cref="SnapshotSpans"/> and end no
    /// later than now; 5 per organisation per 5 minutes (429 → <see cref="RateLimitedError"/>); 403 where sharing is
    /// disabled or the user lacks "Create snapshot shares". v6 has no such call here (it is refused without a request).
    /// </summary>
    public async Task<ThousandEyesResult<TestSnapshot>> CreateTestSnapshotAsync(
        string testId, string displayName, DateTimeOffset startDate, DateTimeOffset endDate, string? accountGroupId = null, CancellationToken cancellationToken = default)
    {
        using var activity = ThousandEyesTelemetry.Start("CreateTestSnapshot", ApiVersion);
        return ThousandEyesTelemetry.Finish(activity, await CreateTestSnapshotCoreAsync(testId, displayName, startDate, endDate, accountGroupId, cancellationToken).ConfigureAwait(false));
    }

    private async Task<ThousandEyesResult<TestSnapshot>> CreateTestSnapshotCoreAsync(
        string testId, string displayName, DateTimeOffset startDate, DateTimeOffset endDate, string? accountGroupId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(displayName);
        var problem = TestIdProblem(testId)
            ?? (ApiVersion != ThousandEyesApiVersion.V7 ? new ValidationProblem("apiVersion", "test snapshots are created through API v7 only") : null)
            ?? (!SnapshotSpans.Contains(endDate - startDate) ? new ValidationProblem("endDate", "the span must be 1, 2, 4, 6, 12, 24 or 48 hours") : null);
        if (problem is not null)
        {
            return new(new ValidationFailedError([problem]), null);
        }

        var aid = AccountGroup(accountGroupId);
        var body = new JsonObject
        {
            ["displayName"] = displayName,
            ["startDate"] = Iso(startDate),
            ["endDate"] = Iso(endDate),
        };
        var path = Relative($"/v7/tests/{Uri.EscapeDataString(testId.Trim())}/snapshot", aid);
        var exchange = await SendAsync(ThousandEyesOperation.CreateSnapshot, HttpMethod.Post, path, body, aid, cancellationToken).ConfigureAwait(false);
        if (exchange.Error is { } error)
        {
            return new(error, exchange.RateLimits);
        }

        var id = exchange.Body?["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var text) ? text : null;
        if (id is null)
        {
            return new(new UnexpectedResponseError(exchange.StatusCode, "the snapshot response carries no id"), exchange.RateLimits);
        }

        var href = exchange.Body?["_links"]?["appLink"]?["href"] is JsonValue hrefValue && hrefValue.TryGetValue<string>(out var link) ? link : null;
        var appLink = href is not null && Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;
        return new(new TestSnapshot { Id = id, AppLink = appLink }, exchange.RateLimits);
    }

    private static string Iso(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
