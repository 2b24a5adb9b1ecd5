using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlertProbe.Simulator.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace AlertProbe.Simulator.Api.V7;

/// <summary>
/// v7 test snapshots, per the vendor's Test Snapshots API (7.0.100, <c>createTestSnapshot</c>): a <c>SnapshotRequest</c>
/// with required <c>displayName</c>, <c>startDate</c>, <c>endDate</c> (ISO date-times, UTC) and optional boolean
/// <c>isPublic</c>; the span must be 1, 2, 4, 6, 12, 24 or 48 hours and end no later than now; 5 per organisation per 5
/// minutes (429); 403 where sharing is disabled; 404 for an unknown test. 201 with a <c>SnapshotResponse</c>
/// (<c>id</c>, <c>displayName</c>, <c>sourceTestId</c>, <c>shareDate</c>, <c>startRoundId</c>/<c>endRoundId</c>,
/// <c>_links.appLink</c>), <c>application/hal+json</c>.
/// </summary>
internal static class V7Snapshots
{
    public static readonly IReadOnlyList<int> AllowedSpanHours = [1, 2, 4, 6, 12, 24, 48];

    private static readonly HashSet<string> Fields = new(StringComparer.Ordinal) { "displayName", "startDate", "endDate", "isPublic" };

    public static void MapV7Snapshots(this IEndpointRouteBuilder app) =>
        app.MapPost("/v7/tests/{testId}/snapshot", CreateAsync);

    private static async Task<IResult> CreateAsync(HttpContext context, string testId, SimulatorState state)
    {
        var test = state.FindTest(testId);
        if (test is null || test.AccountGroupId != AccountContext.Of(context).Aid || test.ApiVersion != ApiVersion.V7)
        {
            return ApiErrors.NotFound($"No test {testId} in this account group.");
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return ApiErrors.BadRequest([new FieldErrorBody("INVALID_BODY", "body", "The body must be a SnapshotRequest object.")]);
        }

        var errors = new List<FieldErrorBody>();
        foreach (var (name, _) in body)
        {
            if (!Fields.Contains(name))
            {
                errors.Add(new FieldErrorBody("UNKNOWN_FIELD", name, $"{name} is not a SnapshotRequest field."));
            }
        }

        var displayName = body["displayName"] is JsonValue nameValue && nameValue.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
        if (displayName is null)
        {
            errors.Add(new FieldErrorBody("REQUIRED", "displayName", "displayName is required."));
        }

        var start = Date(body, "startDate", errors);
        var end = Date(body, "endDate", errors);
        if (body["isPublic"] is { } isPublic && isPublic.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add(new FieldErrorBody("INVALID_TYPE", "isPublic", "isPublic must be a boolean."));
        }

        var now = state.TimeProvider.GetUtcNow();
        if (start is { } from && end is { } to)
        {
            if (!AllowedSpanHours.Any(hours => to - from == TimeSpan.FromHours(hours)))
            {
                errors.Add(new FieldErrorBody("INVALID_RANGE", "endDate", "The span from startDate to endDate must be 1, 2, 4, 6, 12, 24 or 48 hours."));
            }

            if (to > now)
            {
                errors.Add(new FieldErrorBody("INVALID_RANGE", "endDate", "endDate must be now or in the past."));
            }
        }

        if (errors.Count > 0)
        {
            return ApiErrors.BadRequest(errors);
        }

        if (state.Snapshots.SharingDisabled)
        {
            return ApiErrors.Result(StatusCodes.Status403Forbidden, "Snapshot sharing is not enabled for this organization.");
        }

        var snapshot = state.Snapshots.TryCreate(testId, displayName!, start!.Value, end!.Value, now, out var retryAt);
        if (snapshot is null)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((retryAt - now).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ApiErrors.Result(StatusCodes.Status429TooManyRequests, "Exhausted rate limit for the organization: at most 5 snapshots per 5 minutes.");
        }

        var response = new JsonObject
        {
            ["id"] = snapshot.Id,
            ["displayName"] = snapshot.DisplayName,
            ["sourceTestId"] = testId,
            ["shareDate"] = snapshot.SharedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["startRoundId"] = snapshot.StartDate.ToUnixTimeSeconds(),
            ["endRoundId"] = snapshot.EndDate.ToUnixTimeSeconds(),
            ["_links"] = new JsonObject
            {
                ["self"] = new JsonObject { ["href"] = $"{context.Request.Scheme}://{context.Request.Host}/v7/tests/{testId}/snapshot" },
                ["appLink"] = new JsonObject { ["href"] = $"https://app.thousandeyes.com/view/snapshots/?snapshotId={snapshot.Id}" },
            },
        };
        return HttpResults.Content(response.ToJsonString(), "application/hal+json", statusCode: StatusCodes.Status201Created);
    }

    private static DateTimeOffset? Date(JsonObject body, string field, List<FieldErrorBody> errors)
    {
        if (body[field] is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            errors.Add(new FieldErrorBody("REQUIRED", field, $"{field} is required (ISO date-time, UTC)."));
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) || !text.Contains('T', StringComparison.Ordinal))
        {
            errors.Add(new FieldErrorBody("INVALID_FORMAT", field, $"{field} must be an ISO date-time."));
            return null;
        }

        return date;
    }
}
