using System.Text.Json.Nodes;
using AlertProbe.Core.Agents;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.Intake;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.Core.Rules;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Requests;

namespace AlertProbe.Cli.Mapping;

/// <summary>
/// Turns an <see cref="IntakePlan"/> into what the intake would send, without any network: the request is built by
/// the intake's own <see cref="InstantTestCreator.RequestFor"/>, validated and serialised for the API version.
/// Agents given as ids are sent as given (as the intake does); agents chosen by name, label, country or type need the
/// account's agent list, so the body shows the selector instead.
/// </summary>
internal static class PayloadMapper
{
    /// <summary>Stands in for selector-chosen agents while validating and serialising; replaced by the selector in the output.</summary>
    private const string PlaceholderAgentId = "1";

    /// <param name="messageId">The alert message's id (the intake names tests with it).</param>
    public static PayloadMapping Map(
        IntakePlan plan, ThousandEyesApiVersion apiVersion, string testNamePrefix, string? defaultAccountGroupId, string? messageId, RulesInEffect rules)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var rejections = new List<MappedRejection>();
        if (plan.PayloadRejection is { } refused)
        {
            rejections.Add(ToMapped(refused));
        }

        rejections.AddRange(plan.Rejections.Select(ToMapped));
        var requests = new List<(PlannedTest, MappedPlan)>();
        foreach (var test in plan.Tests)
        {
            var mapped = MapTest(test, apiVersion, testNamePrefix, defaultAccountGroupId, messageId, out var rejection);
            if (mapped is not null)
            {
                requests.Add((test, mapped));
            }
            else
            {
                rejections.Add(ToMapped(rejection!));
            }
        }

        return new PayloadMapping
        {
            Plan = plan,
            Requests = requests,
            Document = new MapDocument
            {
                Rules = rules,
                Format = plan.Format is { } format ? RuleNames.Of(format) : null,
                Alerts = [.. plan.Alerts.Select(ToMapped)],
                Plans = [.. requests.Select(r => r.Item2)],
                Rejections = rejections,
            },
        };
    }

    public static string VersionName(ThousandEyesApiVersion version) => version == ThousandEyesApiVersion.V6 ? "v6" : "v7";

    /// <summary>The selector as JSON: only the kinds that are set.</summary>
    public static JsonObject SelectorJson(AgentSelector selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var json = new JsonObject();
        Add("ids", selector.Ids);
        Add("names", selector.Names);
        Add("labels", selector.Labels);
        Add("countries", selector.Countries);
        Add("types", selector.Types);
        if (selector.Max is { } max)
        {
            json["max"] = max;
        }

        return json;

        void Add(string name, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                json[name] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
            }
        }
    }

    private static MappedPlan? MapTest(
        PlannedTest test, ThousandEyesApiVersion apiVersion, string testNamePrefix, string? defaultAccountGroupId, string? messageId, out Rejection? rejection)
    {
        rejection = null;
        var selector = test.Plan.Agents;
        IReadOnlyList<string> agentIds;
        if (selector.Ids.Count > 0 || selector.IsEmpty)
        {
            // The intake resolves these without the agent list, so the dry run can too (and refuses an empty selection alike).
            var resolution = AgentResolver.Resolve(selector, []);
            if (!resolution.IsResolved)
            {
                rejection = resolution.Rejection;
                return null;
            }

            agentIds = resolution.AgentIds;
        }
        else
        {
            agentIds = [PlaceholderAgentId];
        }

        var request = InstantTestCreator.RequestFor(test, agentIds, testNamePrefix, messageId);
        var validation = InstantTestRequestValidator.Validate(request, apiVersion);
        if (!validation.IsValid)
        {
            rejection = InstantTestCreator.RejectionFor(validation.Problems);
            return null;
        }

        var wire = InstantTestSerializer.For(apiVersion).Serialize(request);
        var body = wire.Body;
        if (selector.Ids.Count == 0)
        {
            body["agents"] = new JsonObject { ["selector"] = SelectorJson(selector) };
        }

        var accountGroup = string.IsNullOrWhiteSpace(test.Plan.AccountGroupId) ? defaultAccountGroupId : test.Plan.AccountGroupId.Trim();
        var path = "/" + wire.Path + (string.IsNullOrWhiteSpace(accountGroup) ? string.Empty : "?aid=" + Uri.EscapeDataString(accountGroup));
        return new MappedPlan
        {
            Rule = test.Plan.Rule,
            AlertId = test.Plan.AlertId,
            TestType = request.Type.Name,
            ApiVersion = VersionName(apiVersion),
            Method = "POST",
            Path = path,
            Body = body,
            CoalescingKey = test.CoalescingKey.Value,
        };
    }

    private static MappedRejection ToMapped(Rejection rejection) => new() { Reason = rejection.Reason, Description = rejection.Description };

    private static MappedAlert ToMapped(Alert alert) => new()
    {
        Source = RuleNames.Of(alert.Source),
        Id = alert.Id,
        Status = alert.Status == AlertStatus.Resolved ? "resolved" : "firing",
        Severity = RuleNames.Of(alert.Severity),
        Name = alert.Name,
        Labels = new SortedDictionary<string, string>(alert.Labels.ToDictionary(), StringComparer.Ordinal),
        Targets = [.. alert.Targets.Select(t => new MappedTarget
        {
            Kind = t.Kind switch
            {
                AlertTargetKind.Url => "url",
                AlertTargetKind.Host => "host",
                _ => "ipAddress",
            },
            Value = t.Value,
            Origin = t.Origin,
        })],
    };
}
