using Microsoft.Extensions.Logging;

namespace AlertProbe.Simulator;

/// <summary>Start-up settings of a <see cref="ThousandEyesSimulator"/>. Everything has a usable default.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Accepted by v6 and v7 as <c>Authorization: Bearer …</c>. Rotate at run time with <see cref="SimulatorState.RotateBearerToken"/>.</summary>
    public string BearerToken { get; set; } = "simulator-token";

    /// <summary>v6 basic auth user (email).</summary>
    public string BasicAuthEmail { get; set; } = "simulator@example.com";

    /// <summary>v6 basic auth token (the password part).</summary>
    public string BasicAuthToken { get; set; } = "simulator-basic-token";

    /// <summary>Calls per rolling minute per organisation, counted for every API call.</summary>
    public int OrganizationRateLimitPerMinute { get; set; } = 240;

    /// <summary>Instant-test creations and reruns per rolling minute.</summary>
    public int InstantTestRateLimitPerMinute { get; set; } = 24;

    /// <summary>A run's data appears this long (TimeProvider time) after the run.</summary>
    public TimeSpan ResultDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Rounds start on multiples of this (epoch-aligned), as in the vendor's published examples where a test created
    /// at 13:01:34 has roundId 13:00:00. <see cref="TimeSpan.Zero"/>: a round starts at the moment of its run.
    /// </summary>
    public TimeSpan RoundAlignment { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Results per page before a next link is offered (v6 <c>pages.next</c>, v7 <c>_links.next</c>).</summary>
    public int ResultPageSize { get; set; } = 10;

    /// <summary>Where the simulator's logs go. Null: nowhere (in-process use); the standalone host adds the console.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
