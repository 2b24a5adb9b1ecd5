using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using AlertProbe.Core.Addresses;
using AlertProbe.Core.Alerts.Reading;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.Core.Alerts.Formats;

/// <summary>
/// Manual requests (<c>schemas/manual-request.v1.json</c>): one test, <c>{"tests":[…]}</c> or a bare array.
/// Each test becomes a <see cref="TestPlan"/> (rule "manual") and a synthetic firing <see cref="Alert"/>, so
/// downstream code handles manual and alert-driven tests alike.
/// </summary>
internal sealed class ManualRequestParser : IAlertFormat
{
    public const string RuleName = "manual";

    private static readonly HashSet<string> EnvelopeKeys = new(StringComparer.Ordinal)
    {
        "schemaVersion", "testType", "agents", "maxAgents", "followUp", "accountGroupId", "testName", "reply",
    };

    private static readonly string[] TargetFields = ["url", "server", "domain"];

    private static readonly TimeSpan MinRerunInterval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxRerunInterval = TimeSpan.FromDays(1);

    public AlertSource Source => AlertSource.Manual;

    public string Signature => "manual request (testType, or a tests array, or an array of them)";

    public bool Recognises(JsonElement root) =>
        root.ValueKind switch
        {
            JsonValueKind.Object => root.Has("testType") || root.ReadArray("tests").Any(),
            JsonValueKind.Array => root.GetArrayLength() > 0 && root.EnumerateArray().All(item => item.ValueKind == JsonValueKind.Object && item.Has("testType")),
            _ => false,
        };

    public AlertParseResult Parse(JsonElement root, PayloadHints hints)
    {
        var tests = Tests(root, out var basePointer);

        // bgp is refused before the schema so the sender hears "unsupported type", not "not in the enum".
        for (var i = 0; i < tests.Count; i++)
        {
            if (string.Equals(tests[i].ReadString("testType"), "bgp", StringComparison.OrdinalIgnoreCase))
            {
                return AlertParseResult.Rejected(
                    RejectionReasons.UnsupportedTestType,
                    $"{Pointer(basePointer, i, tests.Count)}/testType: 'bgp' has no instant test in the ThousandEyes API; use agent-to-server or http-server against the prefix's hosts instead.",
                    Source);
            }
        }

        var schemaRejection = ManualRequestSchema.Validate(root);
        if (schemaRejection is not null)
        {
            return AlertParseResult.Rejected(schemaRejection.Reason, schemaRejection.Description, Source);
        }

        var requestId = hints.MessageId ?? StableId.FromText(root.GetRawText());
        var plans = new List<TestPlan>();
        var alerts = new List<Alert>();
        for (var i = 0; i < tests.Count; i++)
        {
            var pointer = Pointer(basePointer, i, tests.Count);
            var alertId = tests.Count == 1 ? requestId : $"{requestId}/{i}";
            var plan = ReadTest(tests[i], alertId, pointer, out var rejection);
            if (plan is null)
            {
                return AlertParseResult.Rejected(rejection!.Reason, rejection.Description, Source);
            }

            plans.Add(plan);
            alerts.Add(SyntheticAlert(plan, tests[i], hints));
        }

        return AlertParseResult.Success(Source, alerts, manualPlans: plans);
    }

    private static List<JsonElement> Tests(JsonElement root, out string basePointer)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            basePointer = string.Empty;
            return [.. root.EnumerateArray()];
        }

        if (root.TryGetValue("tests", out var tests) && tests.ValueKind == JsonValueKind.Array)
        {
            basePointer = "/tests";
            return [.. tests.EnumerateArray()];
        }

        basePointer = string.Empty;
        return [root];
    }

    private static string Pointer(string basePointer, int index, int count) =>
        basePointer.Length == 0 && count == 1 ? string.Empty : $"{basePointer}/{index}";

    private static TestPlan? ReadTest(JsonElement test, string alertId, string pointer, out Rejection? rejection)
    {
        rejection = null;
        var testType = test.ReadString("testType")!;
        var target = Target(test, testType);
        if (test.ReadString("url") is { } url && UrlProblem(url, testType) is { } problem)
        {
            rejection = new Rejection(
                RejectionReasons.InvalidField,
                $"{pointer}/url: '{Truncate(MaskUserInfo(url))}' is not an absolute {(testType == "ftp-server" ? "ftp(s)/sftp" : "http(s)")} URL: {problem}.");
            return null;
        }

        if (target is null)
        {
            rejection = new Rejection(RejectionReasons.NoTarget, $"{pointer}: a {testType} test needs a target (url, server, domain or targetAgentId).");
            return null;
        }

        var followUp = FollowUp(test, pointer, out rejection);
        if (followUp is null)
        {
            return null;
        }

        var fields = new JsonObject();
        foreach (var property in test.EnumerateObject())
        {
            if (!EnvelopeKeys.Contains(property.Name))
            {
                fields[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        return new TestPlan
        {
            Rule = RuleName,
            AlertId = alertId,
            Source = AlertSource.Manual,
            Severity = AlertSeverity.Unknown,
            TestType = testType,
            Target = target,
            Fields = fields,
            Agents = Agents(test),
            FollowUp = followUp,
            AccountGroupId = test.ReadString("accountGroupId"),
            TestName = test.ReadString("testName"),
        };
    }

    /// <summary>
    /// What coalescing and policy look at: the field the test type's target lives in (url, server, domain, the SIP
    /// registrar, the target agent), never another field that happens to be present — a sip-server request with a
    /// decoy <c>server</c> is judged by its registrar. DNS record type dropped. The policy canonicalises it.
    /// </summary>
    private static string? Target(JsonElement test, string testType)
    {
        switch (InstantTestType.Parse(testType).TargetKind)
        {
            case TestTargetKind.Url:
                return test.ReadString("url");
            case TestTargetKind.Server:
                return test.ReadString("server");
            case TestTargetKind.Domain:
                // "example.com A" names the record type after the domain.
                return test.ReadString("domain") is { } domain ? domain.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? domain : null;
            case TestTargetKind.SipRegistrar:
                return test.ReadObject("targetSipCredentials")?.ReadString("sipRegistrar");
            case TestTargetKind.Agent:
                // The target agent's id as the rules' TargetNormalizer gives it, so manual and rule plans coalesce alike.
                return test.ReadString("targetAgentId")?.Trim();
            default:
                return null;
        }
    }

    private static AgentSelector Agents(JsonElement test)
    {
        var criteria = test.ReadArray("agents").ToList();
        IReadOnlyList<string> Values(string name, Func<string, string>? normalise = null) =>
            [.. criteria.Select(entry => entry.ReadString(name)).OfType<string>().Select(value => normalise?.Invoke(value) ?? value).Distinct(StringComparer.Ordinal)];

        var max = test.ReadInteger("maxAgents");
        return new AgentSelector
        {
            Ids = Values("agentId"),
            Names = Values("agentName"),
            Labels = Values("label"),
            Countries = Values("country", value => value.ToUpperInvariant()),
            Types = Values("type"),
            Max = max is null ? null : (int)max.Value,
        };
    }

    private static FollowUpPolicy? FollowUp(JsonElement test, string pointer, out Rejection? rejection)
    {
        rejection = null;
        if (test.ReadObject("followUp") is not { } followUp)
        {
            return FollowUpPolicy.CollectOnce;
        }

        var collect = !followUp.TryGetValue("collect", out var collectValue) || collectValue.ValueKind != JsonValueKind.False;
        if (followUp.ReadObject("rerun") is not { } rerun)
        {
            return new FollowUpPolicy(collect, null);
        }

        var intervalText = rerun.ReadString("interval")!;
        TimeSpan interval;
        try
        {
            interval = XmlConvert.ToTimeSpan(intervalText);
        }
        catch (FormatException)
        {
            interval = TimeSpan.Zero;
        }
        catch (OverflowException)
        {
            interval = TimeSpan.Zero;
        }

        if (interval < MinRerunInterval || interval > MaxRerunInterval)
        {
            rejection = new Rejection(
                RejectionReasons.InvalidField,
                $"{pointer}/followUp/rerun/interval: '{Truncate(intervalText)}' must be an ISO 8601 duration from PT1M to P1D, e.g. PT5M.");
            return null;
        }

        // A manual request has no alert that could resolve, so reruns always run to the end.
        var count = (int)rerun.ReadInteger("count")!.Value;
        return new FollowUpPolicy(collect, new RerunPolicy(count, interval, StopWhenResolved: false));
    }

    private static Alert SyntheticAlert(TestPlan plan, JsonElement test, PayloadHints hints)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["testType"] = plan.TestType };
        if (plan.AccountGroupId is not null)
        {
            labels["accountGroupId"] = plan.AccountGroupId;
        }

        return new Alert
        {
            Source = AlertSource.Manual,
            Id = plan.AlertId,
            Status = AlertStatus.Firing,
            Severity = plan.Severity,
            Name = plan.TestName ?? string.Create(CultureInfo.InvariantCulture, $"manual {plan.TestType} {plan.Target}"),
            Labels = labels,
            Targets = AlertTargetClassifier.Classify(plan.Target, TargetField(test)) is { } target ? [target] : [],
            Reply = test.ReadObject("reply") is { } reply ? JsonNode.Parse(reply.GetRawText())!.AsObject() : null,
            StartedAt = hints.EnqueuedTime,
        };
    }

    /// <summary>Why the url cannot be a test URL (read by the one address canonicaliser); null when it can.</summary>
    private static string? UrlProblem(string url, string testType)
    {
        if (!AddressCanonicalizer.TryParseUrl(url, out var parsed, out var error))
        {
            return error;
        }

        string[] schemes = testType == "ftp-server" ? ["ftp", "ftps", "sftp"] : ["http", "https"];
        return schemes.Contains(parsed.Scheme) ? null : $"scheme '{parsed.Scheme}' is not one of {string.Join(", ", schemes)}";
    }

    private static string MaskUserInfo(string url) =>
        url.IndexOf("://", StringComparison.Ordinal) is var start and > 0 && url.IndexOf('@', start) is var at and > 0
            && url.IndexOfAny(['/', '?', '#'], start + 3) is var end && (end < 0 || at < end)
            ? url[..(start + 3)] + "***@" + url[(at + 1)..]
            : url;

    private static string TargetField(JsonElement test) =>
        TargetFields.FirstOrDefault(name => test.Has(name)) ?? "targetSipCredentials.sipRegistrar";

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
