using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Policy;

namespace AlertProbe.Core.Tests.Policy;

/// <summary>
/// Issue 9, item 2: every field an agent connects to is judged, not just the main target, and a refusal names the
/// field. The fields come from the v7 OpenAPI document's instant-test request schemas (thousandeyes-v7.yaml 7.0.85:
/// Tests_API_* request bodies of /tests/{type}/instant) and the v6 sip-server body (top-level sipRegistrar).
/// </summary>
public class AddressFieldPolicyTests
{
    private static readonly TargetPolicy Defaults = new(new TargetPolicyOptions());

    public static TheoryData<string, string, string, string> DecoyCases => new()
    {
        // type, main target, fields (JSON), the field the refusal must name
        { "sip-server", "sip.example.com", """{"server":"sip.example.com","targetSipCredentials":{"sipRegistrar":"127.0.0.1","port":5060}}""", "targetSipCredentials.sipRegistrar" },
        { "sip-server", "sip.example.com", """{"targetSipCredentials":{"sipRegistrar":"sip.example.com","port":5060},"sipRegistrar":"169.254.169.254"}""", "sipRegistrar" },
        { "api", "https://api.example.com/", """{"url":"https://api.example.com/","requests":[{"name":"a","url":"https://api.example.com/ok"},{"name":"b","url":"http://169.254.169.254/latest/meta-data/"}]}""", "requests[1].url" },
        { "api", "https://api.example.com/", """{"url":"https://api.example.com/","requests":[{"name":"a","url":"https://api.example.com/","authType":"oauth2","tokenUrl":"http://127.0.0.1:8080/token"}]}""", "requests[0].tokenUrl" },
        { "api", "https://api.example.com/", """{"url":"https://api.example.com/","requests":[{"name":"a","url":"http://{{host}}/x"}],"predefinedVariables":[{"name":"host","value":"127.0.0.1"}]}""", "requests[0].url" },
        { "dns-server", "example.com", """{"domain":"example.com A","dnsServers":["ns1.example.com","127.0.0.1"]}""", "dnsServers[1]" },
        { "dns-server", "example.com", """{"domain":"example.com A","dnsServers":[{"serverName":"ns1.example.com"},{"serverName":"0x7f.1"}]}""", "dnsServers[1].serverName" },
        { "dns-server", "example.com", """{"domain":"example.com A","dnsServers":"127.0.0.1"}""", "dnsServers" },
        { "http-server", "https://shop.example.com/", """{"url":"https://shop.example.com/","dnsOverride":"169.254.169.254"}""", "dnsOverride" },
        { "page-load", "https://shop.example.com/", """{"url":"https://shop.example.com/","dnsOverride":"0x7f000001"}""", "dnsOverride" },
        { "http-server", "https://shop.example.com/", """{"url":"https://shop.example.com/","oAuth":{"testUrl":"http://169.254.169.254/token"}}""", "oAuth.testUrl" },
        { "web-transactions", "https://shop.example.com/", """{"url":"https://shop.example.com/","transactionScript":"await driver.get('http://169.254.169.254/latest/meta-data/');"}""", "transactionScript" },
        { "http-server", "https://shop.example.com/", """{"url":"http://127.0.0.1/"}""", "url" },
        { "http-server", "https://shop.example.com/", """{"url":"https://shop.example.com/","URL":"http://127.0.0.1/"}""", "URL" },
        { "ftp-server", "ftp://files.example.com/", """{"url":"ftp://[::ffff:7f00:1]/pub"}""", "url" },
        { "agent-to-server", "db.example.com:5432", """{"server":"[64:ff9b::7f00:1]:5432"}""", "server" },
        { "http-server", "https://shop.example.com/", """{"url":["http://127.0.0.1/"]}""", "url" },
    };

    [Theory]
    [MemberData(nameof(DecoyCases))]
    public void A_denied_address_in_any_field_an_agent_connects_to_is_refused_and_named(string testType, string target, string fields, string field)
    {
        var plan = Plan(testType, target) with { Fields = JsonNode.Parse(fields)!.AsObject() };

        var decision = Defaults.Evaluate(plan);

        Assert.False(decision.IsAllowed, $"{field} was not checked");
        Assert.StartsWith(field + ":", decision.Rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Dns_servers_and_the_sip_registrar_are_sent_in_canonical_form()
    {
        var plan = Plan("dns-server", "example.com") with
        {
            Fields = JsonNode.Parse("""{"domain":"ＥＸＡＭＰＬＥ.com A","dnsServers":["ＮＳ1.example.com.",{"serverName":"0xcb.0.113.53"}]}""")!.AsObject(),
        };

        var decision = Defaults.Evaluate(plan);

        Assert.True(decision.IsAllowed, decision.Rejection?.ToString());
        Assert.Equal("""{"domain":"example.com A","dnsServers":["ns1.example.com",{"serverName":"203.0.113.53"}]}""", decision.Plan.Fields.ToJsonString());
    }

    [Fact]
    public void Every_address_field_of_every_type_is_in_the_catalogue()
    {
        // The catalogue is the single list; this pins what it must hold (from the v7 OpenAPI request schemas).
        string[] expected =
        [
            "agent-to-server:server", "http-server:url", "http-server:dnsOverride", "http-server:oAuth.testUrl",
            "page-load:url", "page-load:dnsOverride", "page-load:oAuth.testUrl", "web-transactions:url",
            "web-transactions:dnsOverride", "web-transactions:oAuth.testUrl", "web-transactions:transactionScript",
            "transactions:url", "transactions:dnsOverride", "transactions:oAuth.testUrl", "transactions:transactionScript", "api:url", "api:requests[].url", "api:requests[].tokenUrl",
            "ftp-server:url", "dns-server:domain", "dns-server:dnsServers[]", "dns-trace:domain", "dnssec:domain",
            "sip-server:targetSipCredentials.sipRegistrar", "sip-server:sipRegistrar", "agent-to-agent:targetAgentId",
            "voice:targetAgentId",
        ];

        var actual = AlertProbe.ThousandEyes.Requests.InstantTestType.All
            .SelectMany(type => AlertProbe.ThousandEyes.Requests.InstantTestAddressFields.Of(type).Select(field => $"{type.Name}:{field.Path}"));

        Assert.Equal(expected.Order(StringComparer.Ordinal), actual.Order(StringComparer.Ordinal));
    }

    private static TestPlan Plan(string testType, string target) => new()
    {
        Rule = "r",
        AlertId = "a",
        Source = AlertSource.Manual,
        Severity = AlertSeverity.Critical,
        TestType = testType,
        Target = target,
        Agents = new AgentSelector { Ids = ["1"] },
    };
}
