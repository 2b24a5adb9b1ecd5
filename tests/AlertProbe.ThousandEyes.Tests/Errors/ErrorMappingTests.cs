using System.Globalization;
using System.Net;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.RateLimiting;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Tests.Infrastructure;
using static AlertProbe.ThousandEyes.Tests.Infrastructure.CannedClient;

namespace AlertProbe.ThousandEyes.Tests.Errors;

public sealed class ErrorMappingTests
{
    private static readonly InstantTestRequest HttpServer = InstantTestSamples.Request(InstantTestType.HttpServer);

    [Fact]
    public async Task A_v7_400_carries_the_problem_details_and_field_errors()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(
            HttpStatusCode.BadRequest,
            """{"type":"https://api.thousandeyes.com/errors/400","title":"Bad Request","status":400,"detail":"Invalid test","instance":"/v7/tests/http-server/instant","errors":[{"code":"INVALID","field":"url","message":"url is not reachable"}]}""",
            "application/problem+json"));

        var result = await Create(handler, ThousandEyesApiVersion.V7).CreateInstantTestAsync(HttpServer);

        var error = Assert.IsType<BadRequestError>(result.Error);
        Assert.Equal(("Bad Request", "Invalid test", "url", "url is not reachable"), (error.Problem!.Title, error.Problem.Detail, error.Problem.Errors[0].Field, error.Problem.Errors[0].Message));
    }

    [Fact]
    public async Task A_v6_400_carries_the_error_message()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.BadRequest, """{"errorMessage":"Invalid agent"}"""));

        var result = await Create(handler, ThousandEyesApiVersion.V6).CreateInstantTestAsync(HttpServer);

        Assert.Equal(new BadRequestError(400, null, "Invalid agent"), result.Error);
    }

    // Sources: v6 docs, Instant Tests ("a Regular user or ... API Access, View tests"); v7 docs: Account Admin.
    [Theory]
    [InlineData(ThousandEyesApiVersion.V7, "Account Admin")]
    [InlineData(ThousandEyesApiVersion.V6, "'API Access' and 'View tests'")]
    public async Task A_403_on_create_names_the_permission_probably_missing(ThousandEyesApiVersion version, string permission)
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.Forbidden, "{}"));

        var result = await Create(handler, version).CreateInstantTestAsync(HttpServer);

        Assert.Contains(permission, Assert.IsType<ForbiddenError>(result.Error).Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_with_an_account_group_mentions_the_assignment()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.Forbidden, "{}"));

        var result = await Create(handler, ThousandEyesApiVersion.V7, accountGroupId: "4321").GetAgentsAsync();

        Assert.Contains("not assigned to account group (aid) 4321", Assert.IsType<ForbiddenError>(result.Error).Hint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_404_on_rerun_is_not_found()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.NotFound, """{"title":"Not Found","status":404,"detail":"No test 42"}"""));

        var result = await Create(handler, ThousandEyesApiVersion.V7).RerunInstantTestAsync("42");

        Assert.Equal(new NotFoundError("/v7/tests/42/run", "No test 42"), result.Error);
    }

    [Fact]
    public async Task A_500_on_create_is_transient_and_may_have_created_the_test()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.InternalServerError, "{}"));

        var result = await Create(handler, ThousandEyesApiVersion.V7).CreateInstantTestAsync(HttpServer);

        Assert.Equal((500, true), (Assert.IsType<TransientError>(result.Error).StatusCode, ((TransientError)result.Error).RequestMayHaveSucceeded));
    }

    [Fact]
    public async Task A_401_twice_rereads_the_credential_once_then_is_unauthorized()
    {
        var handler = new CannedHandler((_, _) => CannedHandler.Json(HttpStatusCode.Unauthorized, """{"title":"Unauthorized","status":401}"""));

        var result = await Create(handler, ThousandEyesApiVersion.V7).GetAgentsAsync();

        Assert.Equal((2, typeof(UnauthorizedError)), (handler.Requests.Count, result.Error!.GetType()));
    }

    [Fact]
    public async Task A_429_on_create_holds_until_the_instant_test_reset()
    {
        var reset = Now.AddSeconds(42);
        var handler = new CannedHandler((_, _) => RateLimited(instantRemaining: 0, instantReset: reset, organizationReset: Now.AddSeconds(5)));

        var result = await Create(handler, ThousandEyesApiVersion.V7).CreateInstantTestAsync(HttpServer);

        Assert.Equal(new RateLimitedError(reset, RateLimitFamily.InstantTest), result.Error);
    }

    [Fact]
    public async Task A_429_honours_a_later_retry_after()
    {
        var handler = new CannedHandler((_, _) =>
        {
            var response = RateLimited(instantRemaining: 0, instantReset: Now.AddSeconds(10), organizationReset: Now.AddSeconds(10));
            response.Headers.Add("Retry-After", "90");
            return response;
        });

        var result = await Create(handler, ThousandEyesApiVersion.V6).CreateInstantTestAsync(HttpServer);

        Assert.Equal(Now.AddSeconds(90), Assert.IsType<RateLimitedError>(result.Error).Until);
    }

    [Fact]
    public async Task A_429_without_headers_holds_for_a_minute()
    {
        var handler = new CannedHandler((_, _) => new HttpResponseMessage(HttpStatusCode.TooManyRequests));

        var result = await Create(handler, ThousandEyesApiVersion.V7).GetAgentsAsync();

        Assert.Equal(new RateLimitedError(Now.AddSeconds(60), RateLimitFamily.Organization), result.Error);
    }

    [Fact]
    public async Task A_429_on_a_read_holds_until_the_organisation_reset()
    {
        var handler = new CannedHandler((_, _) => RateLimited(instantRemaining: 3, instantReset: Now.AddSeconds(50), organizationReset: Now.AddSeconds(25)));

        var result = await Create(handler, ThousandEyesApiVersion.V7).GetAgentsAsync();

        Assert.Equal(new RateLimitedError(Now.AddSeconds(25), RateLimitFamily.Organization), result.Error);
    }

    [Fact]
    public async Task Rate_limit_headers_reach_the_result()
    {
        var handler = new CannedHandler((_, _) =>
        {
            var response = CannedHandler.Json(HttpStatusCode.OK, """{"agents":[]}""");
            AddWindow(response, "X-Organization-Rate-Limit-", 240, 200, Now.AddSeconds(30));
            return response;
        });
        var client = Create(handler, ThousandEyesApiVersion.V7);

        var result = await client.GetAgentsAsync();

        Assert.Equal(200, result.RateLimits!.Organization!.Remaining);
    }

    [Fact]
    public async Task An_invalid_request_sends_nothing()
    {
        var handler = new CannedHandler((_, _) => throw new InvalidOperationException("no request expected"));

        var result = await Create(handler, ThousandEyesApiVersion.V7).CreateInstantTestAsync(InstantTestSamples.Request(InstantTestType.HttpServer, []));

        Assert.Equal((0, typeof(ValidationFailedError)), (handler.Requests.Count, result.Error!.GetType()));
    }

    [Fact]
    public async Task A_results_link_to_another_host_is_refused_without_sending_the_credential()
    {
        var handler = new CannedHandler((_, _) => throw new InvalidOperationException("no request expected"));

        var result = await Create(handler, ThousandEyesApiVersion.V7).GetTestResultsByLinkAsync("https://attacker.example/v7/test-results/1/network");

        Assert.Equal((0, "href"), (handler.Requests.Count, Assert.IsType<ValidationFailedError>(result.Error).Problems[0].Field));
    }

    private static HttpResponseMessage RateLimited(int instantRemaining, DateTimeOffset instantReset, DateTimeOffset organizationReset)
    {
        var response = CannedHandler.Json(HttpStatusCode.TooManyRequests, """{"title":"Too Many Requests","status":429}""");
        AddWindow(response, "X-Instant-Test-Rate-Limit-", 24, instantRemaining, instantReset);
        AddWindow(response, "X-Organization-Rate-Limit-", 240, 0, organizationReset);
        return response;
    }

    private static void AddWindow(HttpResponseMessage response, string prefix, int limit, int remaining, DateTimeOffset reset)
    {
        response.Headers.Add(prefix + "Limit", limit.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add(prefix + "Remaining", remaining.ToString(CultureInfo.InvariantCulture));
        response.Headers.Add(prefix + "Reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }
}
