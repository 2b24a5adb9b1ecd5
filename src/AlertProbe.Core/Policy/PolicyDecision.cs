using System.Diagnostics.CodeAnalysis;
using AlertProbe.Core.Intake;

namespace AlertProbe.Core.Policy;

/// <summary>The target policy's verdict on a plan: allowed, or a <see cref="Rejection"/> saying why not.</summary>
public sealed record PolicyDecision
{
    public static PolicyDecision Allowed { get; } = new();

    public Rejection? Rejection { get; private init; }

    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsAllowed => Rejection is null;

    public static PolicyDecision Denied(string reason, string description) => new() { Rejection = new Rejection(reason, description) };
}
