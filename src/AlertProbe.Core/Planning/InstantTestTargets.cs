using System.Collections.Frozen;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.Core.Planning;

/// <summary>
/// The planning side of the instant test catalogue (<see cref="InstantTestType"/>): what each type's main target
/// is, so planning, coalescing and policy know which field to read and how to judge it.
/// </summary>
public static class InstantTestTargets
{
    private static readonly FrozenDictionary<InstantTestType, TestTargetKind> Kinds = new Dictionary<InstantTestType, TestTargetKind>
    {
        [InstantTestType.HttpServer] = TestTargetKind.Url,
        [InstantTestType.PageLoad] = TestTargetKind.Url,
        [InstantTestType.WebTransactions] = TestTargetKind.Url,
        [InstantTestType.Transactions] = TestTargetKind.Url,
        [InstantTestType.Api] = TestTargetKind.Url,
        [InstantTestType.FtpServer] = TestTargetKind.Url,
        [InstantTestType.AgentToServer] = TestTargetKind.Server,
        [InstantTestType.DnsServer] = TestTargetKind.Domain,
        [InstantTestType.DnsTrace] = TestTargetKind.Domain,
        [InstantTestType.Dnssec] = TestTargetKind.Domain,
        [InstantTestType.AgentToAgent] = TestTargetKind.Agent,
        [InstantTestType.Voice] = TestTargetKind.Agent,
        [InstantTestType.SipServer] = TestTargetKind.SipRegistrar,
    }.ToFrozenDictionary();

    extension(InstantTestType type)
    {
        /// <summary>What the main target is; null for a name outside the catalogue (such as bgp).</summary>
        public TestTargetKind? TargetKind => Kinds.TryGetValue(type, out var kind) ? kind : null;
    }
}
