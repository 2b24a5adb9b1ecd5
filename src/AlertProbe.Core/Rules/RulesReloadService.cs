using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Rules;

/// <summary>
/// Polls the rules file or blob every <see cref="RulesOptions.ReloadInterval"/> on the app's clock and lets the
/// <see cref="RuleSetProvider"/> replace the rules when a new version validates. Runs in hosts only (the Functions app);
/// the CLI plans with what it loaded.
/// </summary>
internal sealed class RulesReloadService(RuleSetProvider provider, IOptions<RulesOptions> options, TimeProvider? timeProvider = null) : BackgroundService
{
    private readonly TimeProvider clock = timeProvider ?? TimeProvider.System;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolving the options runs the start-up load, if the host has not already.
        var interval = options.Value.ReloadInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken).ConfigureAwait(false);
                await provider.ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
