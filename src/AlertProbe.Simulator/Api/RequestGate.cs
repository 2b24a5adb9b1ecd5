using AlertProbe.Simulator.Auth;
using AlertProbe.Simulator.RateLimiting;
using AlertProbe.Simulator.State;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Simulator.Api;

/// <summary>
/// What every call goes through before an endpoint: recording, latency, injected faults, authentication,
/// account group, then the organisation (and, for instant-test calls, the instant-test) rate limit.
/// </summary>
internal sealed class RequestGate(RequestDelegate next, SimulatorState state, ILogger<RequestGate> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var now = state.TimeProvider.GetUtcNow();
        var path = request.Path.Value ?? "/";
        var hasAuthorization = request.Headers.Authorization.Count > 0;
        state.Record(new ReceivedRequest(request.Method, path + request.QueryString.Value, hasAuthorization, now));
        Log.RequestReceived(logger, request.Method, path, hasAuthorization);

        var latency = state.Latency;
        if (latency > TimeSpan.Zero)
        {
            // A server knob simulating a slow network: real time on purpose, independent of the TimeProvider.
            await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
        }

        var version = ApiVersions.FromPath(path);
        path = InstantCalls.StripJsonSuffix(version, path);
        request.Path = path;
        var isInstantCall = InstantCalls.IsInstantCall(request.Method, path);

        if (state.TakeFault(path) is int faultStatus)
        {
            Log.FaultInjected(logger, faultStatus, path);
            if (faultStatus == StatusCodes.Status429TooManyRequests)
            {
                var window = isInstantCall ? state.InstantTestRateLimit : state.OrganizationRateLimit;
                WriteExhausted(context, window.Peek(now), isInstantCall, now);
            }

            await ApiErrors.WriteAsync(context, faultStatus, "Injected fault: the simulator was asked to fail this request.").ConfigureAwait(false);
            return;
        }

        if (!AuthorizationCheck.IsAuthorized(version, request.Headers.Authorization.ToString(), state))
        {
            Log.Unauthorized(logger, request.Method, path, hasAuthorization);
            context.Response.Headers.WWWAuthenticate = version == Catalog.ApiVersion.V6 ? "Bearer, Basic" : "Bearer";
            await ApiErrors.WriteAsync(context, StatusCodes.Status401Unauthorized,
                "Authentication failed: missing or invalid credentials.").ConfigureAwait(false);
            return;
        }

        var aid = request.Query["aid"].ToString();
        if (aid.Length > 0 && !state.AccountGroups.Any(group => group.Aid == aid))
        {
            Log.ForbiddenAccountGroup(logger, aid);
            await ApiErrors.WriteAsync(context, StatusCodes.Status403Forbidden,
                $"The user is not assigned to account group {aid}.").ConfigureAwait(false);
            return;
        }

        new AccountContext(aid.Length > 0 ? aid : state.AccountGroups.First(group => group.IsDefault).Aid, aid.Length > 0).Attach(context);

        if (!Admit(context, now, isInstantCall, out var retryAfter))
        {
            Log.RateLimited(logger, path, retryAfter);
            await ApiErrors.WriteAsync(context, StatusCodes.Status429TooManyRequests,
                $"Rate limit exceeded; retry after {retryAfter} seconds.").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private bool Admit(HttpContext context, DateTimeOffset now, bool isInstantCall, out int retryAfter)
    {
        var organization = state.OrganizationRateLimit.TryAcquire(now);
        RateLimitHeaders.WriteOrganization(context.Response, organization);
        if (!organization.Allowed)
        {
            if (isInstantCall)
            {
                RateLimitHeaders.WriteInstantTest(context.Response, state.InstantTestRateLimit.Peek(now));
            }

            retryAfter = organization.RetryAfterSeconds(now);
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return false;
        }

        retryAfter = 0;
        if (!isInstantCall)
        {
            return true;
        }

        var instant = state.InstantTestRateLimit.TryAcquire(now);
        RateLimitHeaders.WriteInstantTest(context.Response, instant);
        if (instant.Allowed)
        {
            return true;
        }

        retryAfter = instant.RetryAfterSeconds(now);
        context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return false;
    }

    private static void WriteExhausted(HttpContext context, RateLimitDecision window, bool isInstantCall, DateTimeOffset now)
    {
        var exhausted = window with { Remaining = 0 };
        if (isInstantCall)
        {
            RateLimitHeaders.WriteInstantTest(context.Response, exhausted);
        }
        else
        {
            RateLimitHeaders.WriteOrganization(context.Response, exhausted);
        }

        context.Response.Headers.RetryAfter = window.RetryAfterSeconds(now).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
