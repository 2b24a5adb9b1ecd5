namespace AlertProbe.Simulator.State;

/// <summary>How a broken target looks in results (see <see cref="SimulatorState.BreakTarget"/>).</summary>
public sealed record TargetFailure
{
    private TargetFailure(TargetFailureKind kind, int statusCode, double lossPercent)
    {
        Kind = kind;
        StatusCode = statusCode;
        LossPercent = lossPercent;
    }

    public TargetFailureKind Kind { get; }

    /// <summary>The HTTP status the target answers with (<see cref="TargetFailureKind.HttpStatus"/> only).</summary>
    public int StatusCode { get; }

    /// <summary>Packet loss seen on the network layer, 0–100.</summary>
    public double LossPercent { get; }

    /// <summary>The target answers 503 Service Unavailable.</summary>
    public static TargetFailure HttpError { get; } = HttpStatus(503);

    /// <summary>The target's name does not resolve.</summary>
    public static TargetFailure DnsFailure { get; } = new(TargetFailureKind.DnsFailure, 0, 100);

    /// <summary>Connections to the target time out (nothing answers).</summary>
    public static TargetFailure ConnectionTimeout { get; } = new(TargetFailureKind.ConnectionTimeout, 0, 100);

    /// <summary>Every packet to the target is lost.</summary>
    public static TargetFailure PacketLoss { get; } = new(TargetFailureKind.PacketLoss, 0, 100);

    /// <summary>The target answers HTTP requests with <paramref name="statusCode"/> (e.g. 500, 502, 503).</summary>
    public static TargetFailure HttpStatus(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return new TargetFailure(TargetFailureKind.HttpStatus, statusCode, 0);
    }

    /// <summary>Part of the packets to the target are lost (degraded, not down).</summary>
    public static TargetFailure PartialPacketLoss(double lossPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lossPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lossPercent, 100);
        return new TargetFailure(TargetFailureKind.PacketLoss, 0, lossPercent);
    }
}
