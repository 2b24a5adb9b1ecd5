using System.Security.Cryptography;
using System.Text;
using AlertProbe.Core.Planning;

namespace AlertProbe.Core.Intake;

/// <summary>A plan that passed the target policy, with the keys the ledger tracks it by.</summary>
public sealed record PlannedTest
{
    public required TestPlan Plan { get; init; }

    /// <summary>One test per key per cooldown window.</summary>
    public required CoalescingKey CoalescingKey { get; init; }

    /// <summary>
    /// Identifies this plan within its message (rule, alert and coalescing key): with the original message
    /// id it is the idempotency key, so a redelivered message finds what it already did.
    /// </summary>
    public required string PlanKey { get; init; }

    public static PlannedTest For(TestPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var key = CoalescingKey.For(plan);
        var identity = $"{plan.Rule}|{plan.AlertId}|{key.Value}";
        return new PlannedTest
        {
            Plan = plan,
            CoalescingKey = key,
            PlanKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32],
        };
    }
}
