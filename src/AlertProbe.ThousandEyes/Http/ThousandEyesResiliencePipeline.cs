using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace AlertProbe.ThousandEyes.Http;

/// <summary>
/// The HTTP resilience pipeline: bounded retries (exponential backoff with jitter, per-operation rules in
/// <see cref="TransientFailurePolicy"/>) around a per-attempt timeout, all on the registered TimeProvider.
/// </summary>
internal static class ThousandEyesResiliencePipeline
{
    public const string Name = "thousandeyes";

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var services = context.ServiceProvider;
        var options = services.GetRequiredService<IOptions<ThousandEyesOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ThousandEyesClient).FullName!);
        builder.TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(
                    TransientFailurePolicy.ShouldRetry(args.Outcome, ThousandEyesRequestOptions.OperationOf(args.Context.GetRequestMessage()))),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    Log.RetryScheduled(
                        logger,
                        request?.Method.Method ?? "?",
                        request?.RequestUri?.AbsolutePath ?? "?",
                        args.AttemptNumber + 1,
                        args.RetryDelay,
                        args.Outcome.Result is { } response ? $"status {(int)response.StatusCode}" : args.Outcome.Exception?.GetType().Name ?? "unknown");
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.RequestTimeout });
    }
}
