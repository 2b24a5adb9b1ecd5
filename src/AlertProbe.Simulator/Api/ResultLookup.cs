using System.Globalization;
using AlertProbe.Simulator.Catalog;
using AlertProbe.Simulator.Results;
using AlertProbe.Simulator.State;
using Microsoft.AspNetCore.Http;

namespace AlertProbe.Simulator.Api;

/// <summary>The shared part of a results call: find the test in the account group, check the family, pick the page.</summary>
internal sealed record ResultLookup(CreatedTest Test, ResultSelection Selection, int Offset)
{
    public static ResultLookup? Find(
        HttpContext context, ApiVersion version, ResultFamily family, string testId, int offset, SimulatorState state, out IResult? error)
    {
        error = null;
        var account = AccountContext.Of(context);
        var test = state.FindTest(testId);
        if (test is null || test.AccountGroupId != account.Aid)
        {
            error = ApiErrors.NotFound($"No test {testId} in account group {account.Aid}.");
            return null;
        }

        var type = TestTypes.Find(test.ApiVersion, test.TestType)!;
        if (!type.Families.Contains(family))
        {
            error = ApiErrors.Result(StatusCodes.Status400BadRequest,
                $"Test {testId} is a {test.TestType} test and has no {family.Name} results.");
            return null;
        }

        var now = state.TimeProvider.GetUtcNow();
        if (!TimeRangeParser.TryParse(version, context.Request.Query, now, out var range, out var rangeError))
        {
            error = ApiErrors.Result(StatusCodes.Status400BadRequest, rangeError);
            return null;
        }

        var selection = ResultSelection.Select(test, family, range, state.ResultDelay, now, offset, state.ResultPageSize);
        return new ResultLookup(test, selection, offset);
    }

    /// <summary>The current URL with one paging parameter replaced (the rest of the query is kept, so filters carry over).</summary>
    public static string LinkWith(HttpContext context, string parameter, string? value)
    {
        var request = context.Request;
        var query = request.Query
            .Where(pair => !string.Equals(pair.Key, parameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(item => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(item ?? "")}"))
            .ToList();
        if (value is not null)
        {
            query.Add($"{parameter}={Uri.EscapeDataString(value)}");
        }

        var suffix = query.Count > 0 ? "?" + string.Join('&', query) : "";
        return $"{request.Scheme}://{request.Host}{request.Path}{suffix}";
    }

}
