using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes.Agents;
using AlertProbe.ThousandEyes.RateLimiting;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Responses;
using AlertProbe.ThousandEyes.Results;

namespace AlertProbe.ThousandEyes;

/// <summary>Builds response models for tests of code that consumes the client (like Azure SDK model factories).</summary>
public static class ThousandEyesModelFactory
{
    public static CreatedInstantTest CreatedInstantTest(
        string testId,
        InstantTestType? type = null,
        ThousandEyesApiVersion apiVersion = ThousandEyesApiVersion.V7,
        string? testName = null,
        DateTimeOffset? createdDate = null,
        IEnumerable<string>? resultLinks = null,
        IEnumerable<string>? agentIds = null,
        string? accountGroupId = null,
        IEnumerable<string>? droppedFields = null,
        JsonObject? definition = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(testId);
        type ??= InstantTestType.HttpServer;
        var links = resultLinks?.ToList()
            ?? [$"https://api.thousandeyes.com/{(apiVersion == ThousandEyesApiVersion.V6 ? $"v6/net/metrics/{testId}" : $"v7/test-results/{testId}/network")}"];
        return new CreatedInstantTest
        {
            TestId = testId,
            Type = type,
            TestName = testName,
            ApiVersion = apiVersion,
            CreatedDate = createdDate,
            ResultLinks = [.. links.Select(href => new ResultLink(href, Uri.TryCreate(href, UriKind.Absolute, out var uri) ? Http.ResultPath.Parse(uri)?.Family : null))],
            Agents = [.. (agentIds ?? ["1"]).Select(id => new TestAgentReference(id, null))],
            AccountGroupId = accountGroupId,
            DroppedFields = droppedFields?.ToList() ?? [],
            Definition = definition ?? new JsonObject { ["testId"] = testId, ["type"] = type.Name },
        };
    }

    public static InstantTestRerun InstantTestRerun(
        string testId, DateTimeOffset acceptedAt, ThousandEyesApiVersion apiVersion = ThousandEyesApiVersion.V7, string? accountGroupId = null) =>
        new() { TestId = testId, AcceptedAt = acceptedAt, ApiVersion = apiVersion, AccountGroupId = accountGroupId };

    public static ThousandEyesAgent Agent(
        string id,
        string? name = null,
        string type = "cloud",
        string? countryId = null,
        string? location = null,
        IEnumerable<string>? labels = null,
        bool enabled = true,
        string? state = "online") =>
        new()
        {
            Id = id,
            Name = name ?? $"agent-{id}",
            Type = type,
            CountryId = countryId,
            Location = location,
            Labels = labels?.ToList() ?? [],
            Enabled = enabled,
            State = state,
        };

    public static TestResultRow TestResultRow(
        JsonObject raw, string? agentId = null, string? agentName = null, string? countryId = null, long? roundId = null, DateTimeOffset? date = null) =>
        new() { Raw = raw, AgentId = agentId, AgentName = agentName, CountryId = countryId, RoundId = roundId, Date = date };

    public static TestResults TestResults(
        string testId,
        TestResultFamily family,
        IEnumerable<TestResultRow> rows,
        ThousandEyesApiVersion apiVersion = ThousandEyesApiVersion.V7,
        int pagesFetched = 1,
        bool truncated = false,
        JsonObject? test = null) =>
        new()
        {
            TestId = testId,
            Family = family,
            ApiVersion = apiVersion,
            Rows = rows.ToList(),
            PagesFetched = pagesFetched,
            Truncated = truncated,
            Test = test,
        };

    public static RateLimitSnapshot RateLimitSnapshot(
        RateLimitWindow? organization = null, RateLimitWindow? instantTest = null, DateTimeOffset? observedAt = null) =>
        new() { Organization = organization, InstantTest = instantTest, ObservedAt = observedAt };
}
