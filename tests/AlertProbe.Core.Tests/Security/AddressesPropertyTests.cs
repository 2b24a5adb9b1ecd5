using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AlertProbe.Core.Addresses;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Policy;
using AlertProbe.Core.Rules;
using AlertProbe.ThousandEyes.Requests;
using CsCheck;

namespace AlertProbe.Core.Tests.Security;

/// <summary>
/// Property-based tests of the address canonicaliser and the target policy (CsCheck): whatever spelling a WHATWG
/// parser reads as a denied address is denied, canonicalising twice changes nothing, and the canonical form is what
/// the ThousandEyes client sends.
/// </summary>
public sealed class AddressesPropertyTests
{
    private const int Iterations = 2_000;

    private static readonly TargetPolicy Policy = new(new TargetPolicyOptions());

    // Networks the policy always refuses (ReservedTargets), as first address and size.
    private static readonly (string Network, uint Size)[] Denied =
    [
        ("127.0.0.0", 1u << 24), ("169.254.0.0", 1u << 16), ("0.0.0.0", 1u << 24), ("224.0.0.0", 1u << 28),
        ("240.0.0.0", (1u << 28) - 1), ("169.254.169.254", 1), ("100.100.100.200", 1), ("168.63.129.16", 1), ("255.255.255.255", 1),
    ];

    private static readonly Gen<uint> DeniedIPv4 =
        Gen.Int[0, Denied.Length - 1].SelectMany(i => Gen.UInt[0, Denied[i].Size - 1].Select(offset => AddressEncodings.ToUInt(IPAddress.Parse(Denied[i].Network)) + offset));

    // 8.0.0.0/8 and TEST-NET-3: public addresses the default policy allows.
    private static readonly Gen<uint> AllowedIPv4 = Gen.OneOf(Gen.UInt[0x08000000, 0x08FFFFFF], Gen.UInt[0xCB007100, 0xCB0071FF]);

    private static readonly Gen<int> Seed = Gen.Int;

    [Fact]
    public void Every_IPv4_spelling_of_a_denied_address_is_denied_as_a_url_and_as_a_server()
    {
        Gen.Select(DeniedIPv4, Seed).Sample((address, seed) =>
        {
            var host = AddressEncodings.IPv4(address, seed);
            AssertDenied("http-server", $"http://{host}/latest/meta-data/");
            AssertDenied("agent-to-server", host);
        }, iter: Iterations);
    }

    [Fact]
    public void Every_IPv6_embedding_of_a_denied_IPv4_address_is_denied()
    {
        Gen.Select(DeniedIPv4, Seed).Sample((address, seed) =>
        {
            var host = AddressEncodings.IPv6Embedding(address, seed);
            AssertDenied("http-server", $"https://{host}:8443/");
            AssertDenied("agent-to-server", $"{host}:22");
        }, iter: Iterations);
    }

    [Fact]
    public void Every_spelling_of_a_denied_name_is_denied()
    {
        string[] names = ["localhost", "api.localhost", "metadata.google.internal", "instance-data.ec2.internal"];
        Gen.Select(Gen.Int[0, names.Length - 1], Seed).Sample((i, seed) =>
        {
            AssertDenied("page-load", $"http://{AddressEncodings.Name(names[i], seed)}/");
        }, iter: Iterations);
    }

    [Fact]
    public void Canonicalising_a_canonical_host_changes_nothing()
    {
        var hosts = Gen.OneOf(
            Gen.Select(DeniedIPv4, Seed, (a, s) => AddressEncodings.IPv4(a, s)),
            Gen.Select(AllowedIPv4, Seed, (a, s) => AddressEncodings.IPv4(a, s)),
            Gen.Select(DeniedIPv4, Seed, (a, s) => AddressEncodings.IPv6Embedding(a, s)),
            Gen.Select(Gen.Int[0, 3], Seed, (i, s) => AddressEncodings.Name(new[] { "shop.example.com", "bücher.example", "xn--bcher-kva.example", "a-b_c.example.org" }[i], s)),
            Gen.String[Gen.Char["a-z0-9.%-_"], 1, 20]);
        hosts.Sample(text =>
        {
            if (!HostParser.TryParse(text, out var once, out _))
            {
                return;
            }

            Assert.True(HostParser.TryParse(once.ForAuthority, out var twice, out var error), $"'{once.ForAuthority}' (from '{text}') does not parse again: {error}");
            Assert.Equal(once, twice);
            Assert.True(AddressCanonicalizer.TryParseUrl($"https://{once.ForAuthority}:8443/a?b#c", out var url, out error), error);
            Assert.True(AddressCanonicalizer.TryParseUrl(url.ToString(), out var again, out _));
            Assert.Equal(url.ToString(), again.ToString());
        }, iter: Iterations);
    }

    [Fact]
    public void The_canonical_form_is_what_the_thousandeyes_client_sends()
    {
        var planner = new IntakePlanner(new AlertPayloadParser(), new RulePlanner(RuleSetLoader.LoadDefault()), Policy);
        Gen.Select(AllowedIPv4, Seed).Sample((address, seed) =>
        {
            var written = AddressEncodings.IPv4(address, seed);
            var canonical = new IPAddress([(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address]).ToString();
            var body = new JsonObject
            {
                ["testType"] = "http-server",
                ["url"] = $"http://{written}:8080/status",
                ["agents"] = new JsonArray(new JsonObject { ["agentId"] = "113" }),
            };

            var plan = planner.Plan(Encoding.UTF8.GetBytes(body.ToJsonString()), new PayloadHints { MessageId = "m" });

            var test = Assert.Single(plan.Tests);
            var wire = InstantTestSerializer.V7.Serialize(InstantTestCreator.RequestFor(test, ["113"], "alertprobe"));
            Assert.Equal($"http://{canonical}:8080/status", wire.Body["url"]?.GetValue<string>());
        }, iter: 500);
    }

    private static void AssertDenied(string testType, string target)
    {
        var field = testType == "agent-to-server" ? "server" : "url";
        var decision = Policy.Evaluate(new TestPlan
        {
            Rule = "property",
            AlertId = "a",
            Source = AlertSource.Manual,
            Severity = AlertSeverity.Critical,
            TestType = testType,
            Target = target,
            Fields = new JsonObject { [field] = target },
            Agents = new AgentSelector { Ids = ["1"] },
        });
        Assert.False(decision.IsAllowed, $"'{target}' was allowed");
        Assert.True(decision.Rejection.Reason == RejectionReasons.TargetDenied, $"'{target}': {decision.Rejection}");
    }
}
