using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using AlertProbe.ThousandEyes.Agents;
using AlertProbe.ThousandEyes.Authentication;
using AlertProbe.ThousandEyes.Errors;
using AlertProbe.ThousandEyes.Http;
using AlertProbe.ThousandEyes.RateLimiting;
using AlertProbe.ThousandEyes.Requests;
using AlertProbe.ThousandEyes.Responses;
using AlertProbe.ThousandEyes.Results;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace AlertProbe.ThousandEyes;

/// <summary>
/// Typed ThousandEyes API client (v6 and v7): instant tests, reruns, agents and test results. Expected failures
/// come back as <see cref="ThousandEyesResult{T}"/> errors; exceptions are for the unexpected and cancellation.
/// Registered as a typed HTTP client by <c>AddThousandEyesClient</c> (transient: take it per operation, don't
/// keep it in a singleton). The agent cache is shared by all instances; rate-limit headers and 429s are reported to
/// the <see cref="IRateLimitObserver"/>s by the pipeline's <c>RateLimitObservingHandler</c>, and each result carries its own.
/// </summary>
public sealed partial class ThousandEyesClient
{
    private readonly HttpClient _http;
    private readonly ThousandEyesOptions _options;
    private readonly TimeProvider _time;
    private readonly AgentListCache _agentCache;
    private readonly ILogger _logger;

    /// <param name="httpClient">
    /// Its pipeline applies the credential (<c>AddThousandEyesClient</c> builds it); with <see cref="HttpClient.BaseAddress"/>
    /// set, or <see cref="ThousandEyesOptions.BaseUrl"/> is used.
    /// </param>
    internal ThousandEyesClient(
        HttpClient httpClient,
        IOptions<ThousandEyesOptions> options,
        TimeProvider timeProvider,
        AgentListCache agentCache,
        ILogger<ThousandEyesClient> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _http = httpClient;
        _options = options.Value;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _agentCache = agentCache ?? throw new ArgumentNullException(nameof(agentCache));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _http.BaseAddress ??= _options.BaseUrl;
    }

    /// <summary>The API version this client speaks (<c>ThousandEyes:ApiVersion</c>).</summary>
    public ThousandEyesApiVersion ApiVersion => _options.ApiVersion;

    private Uri BaseAddress => _http.BaseAddress!;

    /// <summary>Validates without sending (dry runs); <see cref="CreateInstantTestAsync"/> does the same first.</summary>
    public InstantTestValidation Validate(InstantTestRequest request) =>
        InstantTestRequestValidator.Validate(request, ApiVersion);

    /// <summary>Creates (and starts) an instant test: v6 <c>POST /v6/instant/{type}</c>, v7 <c>POST /v7/tests/{type}/instant</c>.</summary>
    public async Task<ThousandEyesResult<CreatedInstantTest>> CreateInstantTestAsync(InstantTestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var activity = ThousandEyesTelemetry.Start("CreateInstantTest", ApiVersion, testType: request.Type.Name);
        return ThousandEyesTelemetry.Finish(activity, await CreateInstantTestCoreAsync(request, cancellationToken).ConfigureAwait(false));
    }

    private async Task<ThousandEyesResult<CreatedInstantTest>> CreateInstantTestCoreAsync(InstantTestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = Validate(request);
        if (!validation.IsValid)
        {
            Log.RequestInvalid(_logger, request.Type.Name, validation.Problems.Count);
            return new(new ValidationFailedError(validation.Problems), null);
        }

        var wire = InstantTestSerializer.For(ApiVersion).Serialize(request);
        var accountGroupId = AccountGroup(request.AccountGroupId);
        // v7 lists the test's agents in the create response only when asked (parameter expand=agent,
        // Instant_Tests_API_ExpandInstantTest); v6 has no such parameter and always lists them.
        var path = ApiVersion == ThousandEyesApiVersion.V7 ? Relative(wire.Path, accountGroupId, ("expand", "agent")) : Relative(wire.Path, accountGroupId);
        var exchange = await SendAsync(ThousandEyesOperation.CreateInstantTest, HttpMethod.Post, path, wire.Body, accountGroupId, cancellationToken).ConfigureAwait(false);
        if (exchange.Error is { } error)
        {
            return new(error, exchange.RateLimits);
        }

        var created = CreatedInstantTestParser.Parse(exchange.Body, wire, request, BaseAddress);
        if (created is null)
        {
            // The test may exist, but without its id nothing can follow it up.
            return new(new UnexpectedResponseError(exchange.StatusCode, "the create response carries no test id"), exchange.RateLimits);
        }

        created = created with { AccountGroupId = accountGroupId };
        Log.InstantTestCreated(_logger, created.Type.Name, created.TestId, created.ResultLinks.Count, created.DroppedFields);
        return new(created, exchange.RateLimits);
    }

    /// <summary>Runs an existing instant test again: v6 <c>POST /v6/instant/{id}/rerun</c>, v7 <c>POST /v7/tests/{id}/run</c>.</summary>
    public async Task<ThousandEyesResult<InstantTestRerun>> RerunInstantTestAsync(string testId, string? accountGroupId = null, CancellationToken cancellationToken = default)
    {
        using var activity = ThousandEyesTelemetry.Start("RerunInstantTest", ApiVersion);
        return ThousandEyesTelemetry.Finish(activity, await RerunInstantTestCoreAsync(testId, accountGroupId, cancellationToken).ConfigureAwait(false));
    }

    private async Task<ThousandEyesResult<InstantTestRerun>> RerunInstantTestCoreAsync(string testId, string? accountGroupId, CancellationToken cancellationToken)
    {
        if (TestIdProblem(testId) is { } problem)
        {
            return new(new ValidationFailedError([problem]), null);
        }

        var aid = AccountGroup(accountGroupId);
        var path = InstantTestSerializer.For(ApiVersion).RerunPath(testId.Trim());
        var exchange = await SendAsync(ThousandEyesOperation.Rerun, HttpMethod.Post, Relative(path, aid), null, aid, cancellationToken).ConfigureAwait(false);
        return exchange.Error is { } error
            ? new(error, exchange.RateLimits)
            : new(new InstantTestRerun { TestId = testId.Trim(), ApiVersion = ApiVersion, AccountGroupId = aid, AcceptedAt = _time.GetUtcNow() }, exchange.RateLimits);
    }

    /// <summary>The account's Cloud, Enterprise and Enterprise Cluster agents, cached for <see cref="ThousandEyesOptions.AgentCacheLifetime"/>.</summary>
    public async Task<ThousandEyesResult<IReadOnlyList<ThousandEyesAgent>>> GetAgentsAsync(string? accountGroupId = null, CancellationToken cancellationToken = default)
    {
        using var activity = ThousandEyesTelemetry.Start("GetAgents", ApiVersion);
        return ThousandEyesTelemetry.Finish(activity, await GetAgentListAsync(label: null, accountGroupId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The agents carrying <paramref name="label"/> (a label name or id). v7 asks the API (<c>labels</c> filter):
    /// its plain agent list does not always carry labels, so filtering locally could find nothing. v6 lists
    /// labels as <c>groups</c>, so the full (cached) list is filtered here.
    /// </summary>
    public async Task<ThousandEyesResult<IReadOnlyList<ThousandEyesAgent>>> GetAgentsWithLabelAsync(string label, string? accountGroupId = null, CancellationToken cancellationToken = default)
    {
        using var activity = ThousandEyesTelemetry.Start("GetAgentsWithLabel", ApiVersion);
        return ThousandEyesTelemetry.Finish(activity, await GetAgentsWithLabelCoreAsync(label, accountGroupId, cancellationToken).ConfigureAwait(false));
    }

    private async Task<ThousandEyesResult<IReadOnlyList<ThousandEyesAgent>>> GetAgentsWithLabelCoreAsync(string label, string? accountGroupId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        if (ApiVersion == ThousandEyesApiVersion.V7)
        {
            return await GetAgentListAsync(label, accountGroupId, cancellationToken).ConfigureAwait(false);
        }

        var all = await GetAgentListAsync(label: null, accountGroupId, cancellationToken).ConfigureAwait(false);
        return all.IsSuccess
            ? new([.. all.Value!.Where(agent => agent.Labels.Contains(label, StringComparer.OrdinalIgnoreCase))], all.RateLimits)
            : all;
    }

    private async Task<ThousandEyesResult<IReadOnlyList<ThousandEyesAgent>>> GetAgentListAsync(string? label, string? accountGroupId, CancellationToken cancellationToken)
    {
        var aid = AccountGroup(accountGroupId);
        var cacheKey = label is null ? aid : $"{aid}|label={label}";
        if (_agentCache.Get(ApiVersion, cacheKey) is { } cached)
        {
            Log.AgentsFromCache(_logger, cached.Count);
            return new(cached, null);
        }

        var query = ApiVersion == ThousandEyesApiVersion.V6
            ? Query(aid).AddList("agentTypes", "CLOUD", "ENTERPRISE", "ENTERPRISE_CLUSTER")
            : Query(aid).AddList("agentTypes", "cloud", "enterprise", "enterprise-cluster").Add("labels", label);
        var first = query.ToRelativeUri(ApiVersion == ThousandEyesApiVersion.V6 ? "v6/agents" : "v7/agents");
        var agents = new List<ThousandEyesAgent>();
        RateLimitSnapshot? rateLimits = null;
        await foreach (var page in PagesAsync(first, ApiVersion, aid, cancellationToken).ConfigureAwait(false))
        {
            var exchange = page.Exchange;
            rateLimits = exchange.RateLimits ?? rateLimits;
            if (exchange.Error is { } error)
            {
                return new(error, rateLimits);
            }

            if (AgentListParser.Parse(exchange.Body) is not { } pageAgents)
            {
                return new(new UnexpectedResponseError(exchange.StatusCode, "the agent list has no 'agents' array"), rateLimits);
            }

            // A next link off the configured API ends the list here (the credential is not sent elsewhere).
            agents.AddRange(pageAgents);
        }

        _agentCache.Set(ApiVersion, cacheKey, agents, _options.AgentCacheLifetime);
        return new(agents, rateLimits);
    }

    /// <summary>The results of one family for a test, every page followed up to <see cref="ThousandEyesOptions.MaxResultPages"/>.</summary>
    public async Task<ThousandEyesResult<TestResults>> GetTestResultsAsync(
        string testId,
        TestResultFamily family,
        TestResultsQuery? query = null,
        string? accountGroupId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(family);
        using var activity = ThousandEyesTelemetry.Start("GetTestResults", ApiVersion, resultFamily: family.Name);
        return ThousandEyesTelemetry.Finish(activity, await GetTestResultsCoreAsync(testId, family, query, accountGroupId, cancellationToken).ConfigureAwait(false));
    }

    private async Task<ThousandEyesResult<TestResults>> GetTestResultsCoreAsync(
        string testId,
        TestResultFamily family,
        TestResultsQuery? query,
        string? accountGroupId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(family);
        query ??= TestResultsQuery.CurrentRound;
        var problems = new List<ValidationProblem>();
        if (TestIdProblem(testId) is { } idProblem)
        {
            problems.Add(idProblem);
        }

        if (!family.IsAvailableIn(ApiVersion))
        {
            problems.Add(new("family", $"{family.Name} results are not available in API {InstantTestRequestValidator.VersionName(ApiVersion)}"));
        }

        if (query.Window is not null && (query.From is not null || query.To is not null))
        {
            problems.Add(new("window", "window cannot be combined with from/to"));
        }

        if (query.From > query.To)
        {
            problems.Add(new("from", "from must not be after to"));
        }

        if (query.Window is { } w && w < TimeSpan.FromSeconds(1))
        {
            problems.Add(new("window", "window must be at least one second"));
        }

        if (problems.Count > 0)
        {
            return new(new ValidationFailedError(problems), null);
        }

        var aid = AccountGroup(accountGroupId);
        var first = Relative(family.PathFor(testId, ApiVersion), aid, TimeRange(query));
        return await FetchResultPagesAsync(first, ApiVersion, testId.Trim(), family, aid, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One agent's hop-by-hop path trace for one round: v7 <c>/test-results/{id}/path-vis/agent/{agentId}/round/{roundId}</c>
    /// (Test_Results_API_PathVisDetailTestResults), v6 <c>/net/path-vis/{id}/{agentId}/{roundId}</c> (docs "(Network) Detailed path trace").
    /// </summary>
    public async Task<ThousandEyesResult<TestResults>> GetPathVisDetailAsync(
        string testId, string agentId, long roundId, string? accountGroupId = null, CancellationToken cancellationToken = default)
    {
        using var activity = ThousandEyesTelemetry.Start("GetPathVisDetail", ApiVersion, resultFamily: TestResultFamily.PathVis.Name);
        return ThousandEyesTelemetry.Finish(activity, await GetPathVisDetailCoreAsync(testId, agentId, roundId, accountGroupId, cancellationToken).ConfigureAwait(false));
    }

    private async Task<ThousandEyesResult<TestResults>> GetPathVisDetailCoreAsync(
        string testId, string agentId, long roundId, string? accountGroupId, CancellationToken cancellationToken)
    {
        if ((TestIdProblem(testId) ?? (string.IsNullOrWhiteSpace(agentId) ? new ValidationProblem("agentId", "agentId is required") : null)) is { } problem)
        {
            return new(new ValidationFailedError([problem]), null);
        }

        var aid = AccountGroup(accountGroupId);
        var agent = Uri.EscapeDataString(agentId.Trim());
        var round = roundId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var path = $"{TestResultFamily.PathVis.PathFor(testId, ApiVersion)}/{(ApiVersion == ThousandEyesApiVersion.V6 ? "" : "agent/")}{agent}/{(ApiVersion == ThousandEyesApiVersion.V6 ? "" : "round/")}{round}";
        return await FetchResultPagesAsync(Relative(path, aid), ApiVersion, testId.Trim(), TestResultFamily.PathVis, aid, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Cloud Agents with local problems in a time range: v7 <c>GET /v7/agents/local-problems?startDate&amp;endDate</c>
    /// (<see cref="AgentLocalProblem"/>). v6 has no such endpoint: an empty list, without a call.
    /// </summary>
    public async Task<ThousandEyesResult<IReadOnlyList<AgentLocalProblem>>> GetAgentLocalProblemsAsync(
        DateTimeOffset startDate, DateTimeOffset endDate, string? accountGroupId = null, CancellationToken cancellationToken = default)
    {
        using var activity = ThousandEyesTelemetry.Start("GetAgentLocalProblems", ApiVersion);
        return ThousandEyesTelemetry.Finish(activity, await GetAgentLocalProblemsCoreAsync(startDate, endDate, accountGroupId, cancellationToken).ConfigureAwait(false));
    }

    private async Task<ThousandEyesResult<IReadOnlyList<AgentLocalProblem>>> GetAgentLocalProblemsCoreAsync(
        DateTimeOffset startDate, DateTimeOffset endDate, string? accountGroupId, CancellationToken cancellationToken)
    {
        if (ApiVersion == ThousandEyesApiVersion.V6)
        {
            return new([], null);
        }

        var aid = AccountGroup(accountGroupId);
        var uri = Relative("v7/agents/local-problems", aid, TimeRange(new TestResultsQuery { From = startDate, To = endDate }));
        var exchange = await SendAsync(ThousandEyesOperation.Read, HttpMethod.Get, uri, null, aid, cancellationToken).ConfigureAwait(false);
        if (exchange.Error is { } error)
        {
            return new(error, exchange.RateLimits);
        }

        return AgentLocalProblem.Parse(exchange.Body) is { } problems
            ? new(problems, exchange.RateLimits)
            : new(new UnexpectedResponseError(exchange.StatusCode, "the local problems response has no 'localProblems' array"), exchange.RateLimits);
    }

    /// <summary>Fetches results by a link from a create response (absolute on this API, or relative to it).</summary>
    public async Task<ThousandEyesResult<TestResults>> GetTestResultsByLinkAsync(string href, string? accountGroupId = null, CancellationToken cancellationToken = default)
    {
        using var activity = ThousandEyesTelemetry.Start("GetTestResultsByLink", ApiVersion);
        return ThousandEyesTelemetry.Finish(activity, await GetTestResultsByLinkCoreAsync(href, accountGroupId, cancellationToken).ConfigureAwait(false));
    }

    private async Task<ThousandEyesResult<TestResults>> GetTestResultsByLinkCoreAsync(string href, string? accountGroupId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(href);
        var aid = AccountGroup(accountGroupId);
        var uri = SameOrigin(href, aid);
        if (uri is null)
        {
            // Following a foreign link would send the credential to another host.
            return new(new ValidationFailedError([new("href", $"href must be a link on the configured ThousandEyes API ({BaseAddress.GetLeftPart(UriPartial.Authority)})")]), null);
        }

        var parts = ResultPath.Parse(new Uri(BaseAddress, uri));
        return await FetchResultPagesAsync(uri, parts?.Version ?? ApiVersion, parts?.TestId ?? string.Empty, parts?.Family, aid, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ThousandEyesResult<TestResults>> FetchResultPagesAsync(
        Uri first, ThousandEyesApiVersion version, string testId, TestResultFamily? family, string? aid, CancellationToken cancellationToken)
    {
        var rows = new List<TestResultRow>();
        JsonObject? test = null;
        RateLimitSnapshot? rateLimits = null;
        var pages = 0;
        var more = false;
        await foreach (var page in PagesAsync(first, version, aid, cancellationToken).ConfigureAwait(false))
        {
            var exchange = page.Exchange;
            rateLimits = exchange.RateLimits ?? rateLimits;
            if (exchange.Error is { } error)
            {
                return new(error, rateLimits);
            }

            if (TestResultsParser.Parse(exchange.Body, version) is not { } rowsPage)
            {
                return new(new UnexpectedResponseError(exchange.StatusCode, "the results response has no result list"), rateLimits);
            }

            pages++;
            rows.AddRange(rowsPage.Rows);
            test ??= rowsPage.Test;
            if (page.LeavesTheApi)
            {
                return new(new UnexpectedResponseError(exchange.StatusCode, "the next-page link points outside the configured API"), rateLimits);
            }

            more = page.Next is not null;
        }

        if (more)
        {
            Log.ResultPagesCapped(_logger, testId, pages);
        }

        var results = new TestResults
        {
            TestId = testId,
            Family = family,
            ApiVersion = version,
            Rows = rows,
            PagesFetched = pages,
            Truncated = more,
            Test = test,
        };
        return new(results, rateLimits);
    }

    /// <summary>
    /// Sends one logical request through the pipeline (credential, rate-limit observation, resilience; see
    /// <c>AddThousandEyesClient</c>) and turns its answer into an <see cref="Exchange"/>.
    /// </summary>
    private async Task<Exchange> SendAsync(
        ThousandEyesOperation operation, HttpMethod method, Uri uri, JsonObject? body, string? accountGroupId, CancellationToken cancellationToken)
    {
        var path = PathOf(uri);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (ApiVersion == ThousandEyesApiVersion.V7)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/hal+json"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/problem+json"));
        }

        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        request.Options.Set(ThousandEyesRequestOptions.Operation, operation);
        Log.RequestSent(_logger, method.Method, path);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (ThousandEyesCredentialException ex)
        {
            Log.CredentialUnavailable(_logger, ex.Message);
            return Exchange.Failed(new CredentialsUnavailableError(ex.Message, ex.IsTransient), null);
        }
        catch (HttpRequestException ex)
        {
            var reason = $"connection failed ({ex.HttpRequestError})";
            Log.RequestFailed(_logger, method.Method, path, reason);
            var mayHaveSucceeded = operation is ThousandEyesOperation.CreateInstantTest or ThousandEyesOperation.CreateSnapshot && !ThousandEyesResiliencePipeline.FailedBeforeSending(ex);
            return Exchange.Failed(new TransientError(reason, null, mayHaveSucceeded), null);
        }
        catch (TimeoutRejectedException ex)
        {
            // Polly ends a timed-out execution with this exception, not an outcome the handler could return: the
            // attempt timeout (not retried for a create) or the total timeout over all attempts.
            var reason = $"no answer within {ex.Timeout}";
            Log.RequestFailed(_logger, method.Method, path, reason);
            return Exchange.Failed(new TransientError(reason, null, operation is ThousandEyesOperation.CreateInstantTest or ThousandEyesOperation.CreateSnapshot), null);
        }
        catch (ExecutionRejectedException ex)
        {
            // The standard handler's concurrency limiter refused the call: it was never sent.
            var reason = $"refused by the resilience handler ({ex.GetType().Name})";
            Log.RequestFailed(_logger, method.Method, path, reason);
            return Exchange.Failed(new TransientError(reason, null, false), null);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            Log.ResponseReceived(_logger, method.Method, path, status);
            var rateLimits = ReadRateLimits(response);
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return new Exchange(status, JsonNodeReader.TryParse(text), rateLimits, null);
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var limited = RateLimitHeaders.RateLimitedError(response.Headers, rateLimits, operation, _time.GetUtcNow());
                Log.RateLimited(_logger, limited.Family, limited.Until);
                return Exchange.Failed(limited, rateLimits);
            }

            return Exchange.Failed(ErrorResponseMapper.Map(response.StatusCode, text, operation, ApiVersion, accountGroupId, path), rateLimits);
        }
    }

    private RateLimitSnapshot? ReadRateLimits(HttpResponseMessage response)
    {
        var observed = RateLimitHeaders.Parse(response.Headers, _time.GetUtcNow());
        if (observed is not null)
        {
            Log.RateLimitState(_logger, observed.Organization?.Remaining, observed.Organization?.Limit, observed.InstantTest?.Remaining, observed.InstantTest?.Limit);
        }

        return observed;
    }

    private string? AccountGroup(string? accountGroupId) =>
        string.IsNullOrWhiteSpace(accountGroupId) ? (string.IsNullOrWhiteSpace(_options.AccountGroupId) ? null : _options.AccountGroupId.Trim()) : accountGroupId.Trim();

    private ValidationProblem? TestIdProblem(string? testId) =>
        string.IsNullOrWhiteSpace(testId) ? new ValidationProblem("testId", "testId is required")
        : ApiVersion == ThousandEyesApiVersion.V6 && !long.TryParse(testId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? new ValidationProblem("testId", "testId must be an integer for API v6")
            : null;

    /// <summary>A query that starts with the account group (<c>aid</c>) when there is one.</summary>
    private static ApiQuery Query(string? accountGroupId) => new ApiQuery().Add("aid", accountGroupId);

    private static Uri Relative(string path, string? accountGroupId, params IEnumerable<(string Name, string Value)> parameters) =>
        Query(accountGroupId).AddRange(parameters).ToRelativeUri(path);

    /// <summary>An absolute link on the configured API, with aid added when missing; null for any other host.</summary>
    private Uri? SameOrigin(string? href, string? accountGroupId)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        var uri = Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? absolute
            : new Uri(BaseAddress, href.TrimStart('/'));
        if (Uri.Compare(uri, BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return null;
        }

        return accountGroupId is not null && !uri.Query.Contains("aid=", StringComparison.Ordinal) ? Query(accountGroupId).AppendTo(uri) : uri;
    }

    private IEnumerable<(string Name, string Value)> TimeRange(TestResultsQuery query)
    {
        if (query.Window is { } window)
        {
            yield return ("window", FormatWindow(window));
        }

        var (fromName, toName, format) = ApiVersion == ThousandEyesApiVersion.V6
            ? ("from", "to", "yyyy-MM-dd'T'HH:mm:ss")
            : ("startDate", "endDate", "yyyy-MM-dd'T'HH:mm:ss'Z'");
        if (query.From is { } from)
        {
            yield return (fromName, from.UtcDateTime.ToString(format, CultureInfo.InvariantCulture));
        }

        if (query.To is { } to)
        {
            yield return (toName, to.UtcDateTime.ToString(format, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>12 hours → "12h"; the largest unit that divides the window exactly.</summary>
    internal static string FormatWindow(TimeSpan window)
    {
        var seconds = (long)window.TotalSeconds;
        (long Size, char Unit)[] units = [(604800, 'w'), (86400, 'd'), (3600, 'h'), (60, 'm')];
        foreach (var (size, unit) in units)
        {
            if (seconds % size == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{seconds / size}{unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{seconds}s");
    }

    private static string PathOf(Uri uri)
    {
        var text = uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString;
        var query = text.IndexOf('?', StringComparison.Ordinal);
        return "/" + (query < 0 ? text : text[..query]).TrimStart('/');
    }

    private sealed record Exchange(int StatusCode, JsonNode? Body, RateLimitSnapshot? RateLimits, ThousandEyesError? Error)
    {
        public static Exchange Failed(ThousandEyesError error, RateLimitSnapshot? rateLimits) => new(0, null, rateLimits, error);
    }
}
