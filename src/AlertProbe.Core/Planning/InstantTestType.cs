namespace AlertProbe.Core.Planning;

/// <summary>An instant test type as AlertProbe knows it: its v7 name, its target and its required fields.</summary>
/// <param name="Name">The v7 type segment ("http-server", "dnssec"…; "transactions" is v6-only).</param>
/// <param name="TargetKind">What the main target is.</param>
/// <param name="RequiredFields">Fields the API requires besides <c>agents</c>.</param>
/// <param name="V6Only">Only the v6 API has an instant endpoint for it.</param>
public sealed record InstantTestType(string Name, TestTargetKind TargetKind, IReadOnlyList<string> RequiredFields, bool V6Only = false)
{
    /// <summary>The field holding the main target.</summary>
    public string TargetField => TargetKind switch
    {
        TestTargetKind.Url => "url",
        TestTargetKind.Server => "server",
        TestTargetKind.Domain => "domain",
        TestTargetKind.Agent => "targetAgentId",
        TestTargetKind.SipRegistrar => "targetSipCredentials",
        _ => throw new InvalidOperationException($"Unknown target kind {TargetKind}."),
    };
}
