using System.Text;
using System.Text.Json.Nodes;
using AlertProbe.Core.Alerts;
using AlertProbe.Core.FollowUp.WriteBack;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Messages;
using AlertProbe.Core.Tests.Alerts;
using AlertProbe.Core.Tests.FollowUp.Support;
using AlertProbe.Simulator.State;

namespace AlertProbe.Core.Tests.FollowUp.WriteBack;

/// <summary>
/// Write-back into the alert's own tool, against loopback stand-ins that check the vendor's documented call
/// (<see cref="WriteBackContract"/>): one call per run, well formed, retried on 5xx, never repeated on redelivery,
/// and the credential only ever sent to the configured host.
/// </summary>
public sealed class WriteBackTests
{
    private const string PagerDutyToken = "pd-token-7c1e0b9a44d2";
    private const string ServiceNowPassword = "sn-password-93af17c2";
    private const string GrafanaToken = "glsa_grafana-token-5e6f7a8b";
    private const string JiraToken = "jira-api-token-0d9c8b7a";

    public static TheoryData<WriteBackKind> Kinds => [WriteBackKind.PagerDuty, WriteBackKind.ServiceNow, WriteBackKind.Grafana, WriteBackKind.Jira];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_failing_run_makes_one_documented_call_to_the_alerts_tool_even_when_redelivered(WriteBackKind kind)
    {
        await using var tool = await WriteBackReceiver.StartAsync();
        await using var host = await FollowUpHost.StartAsync(Settings(kind, tool.BaseAddress));
        host.Simulator.State.BreakTarget("broken.example.com", TargetFailure.HttpError);
        var (source, targets) = TargetsFor(kind);
        await host.CreateTestAsync("https://broken.example.com/", adjust: created => created with
        {
            Trigger = created.Trigger with { Source = source },
            WriteBack = targets,
        });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync(deliveries: 3);

        var results = CollectResultsHandlerTests.Published(host);
        var request = Assert.Single(tool.Requests);
        var contract = Contract(kind);
        var path = contract.PathTemplate.Replace("{id}", targets[0].Id, StringComparison.Ordinal);
        Assert.Equal((contract.Method, (kind == WriteBackKind.Grafana ? "/grafana" : string.Empty) + path), (request.Method, request.PathAndQuery));
        Assert.Equal(ExpectedAuthorization(kind), request.Header("Authorization"));
        foreach (var (name, value) in contract.Headers)
        {
            Assert.Equal(value.Replace("{from}", "oncall@example.com", StringComparison.Ordinal), request.Header(name));
        }

        var text = BodyText(kind, JsonNode.Parse(request.Body)!, contract);
        Assert.Equal(TestVerdict.Failing, results.Verdict);
        // A failing run's link is its snapshot (RunSnapshotTests covers the fallback to the app link).
        var link = results.Snapshot?.Link;
        Assert.NotNull(link);
        Assert.True(
            text.Contains("Failing:", StringComparison.Ordinal) && results.Reasons.All(reason => text.Contains(reason, StringComparison.Ordinal)) && text.Contains(link.AbsoluteUri, StringComparison.Ordinal),
            $"the {kind} body lacks the verdict, a reason or the link: {text}");
        Assert.Contains("Next: " + AlertProbe.Core.FollowUp.Delivery.NextStep.For(results), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_alert_coalesced_onto_the_run_is_written_back_once_per_record_and_never_again_on_redelivery()
    {
        await using var pagerDuty = await WriteBackReceiver.StartAsync();
        await using var serviceNow = await WriteBackReceiver.StartAsync();
        var settings = Settings(WriteBackKind.PagerDuty, pagerDuty.BaseAddress);
        foreach (var (key, value) in Settings(WriteBackKind.ServiceNow, serviceNow.BaseAddress))
        {
            settings[key] = value;
        }

        await using var host = await FollowUpHost.StartAsync(settings);
        host.Simulator.State.BreakTarget("coalesced.example.com", TargetFailure.HttpError);
        const string incidentA = "PINCA01", incidentB = "PINCB02", ticketC = "0123456789abcdef0123456789abcdef";
        await host.CreateTestAsync("https://coalesced.example.com/", adjust: created => created with
        {
            Trigger = created.Trigger with { Source = AlertSource.PagerDuty, AlertId = incidentA },
            WriteBack = [new WriteBackTarget { Kind = WriteBackKind.PagerDuty, Id = incidentA }],
            CoalescedAlerts =
            [
                Rider(AlertSource.PagerDuty, incidentB, created.CreatedAt, new WriteBackTarget { Kind = WriteBackKind.PagerDuty, Id = incidentB }),
                Rider(AlertSource.PagerDuty, incidentA, created.CreatedAt, new WriteBackTarget { Kind = WriteBackKind.PagerDuty, Id = incidentA }),
                Rider(AlertSource.ServiceNow, "INC0010042", created.CreatedAt, new WriteBackTarget { Kind = WriteBackKind.ServiceNow, Id = ticketC }),
            ],
        });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync(deliveries: 3);

        var results = CollectResultsHandlerTests.Published(host);
        Assert.Equal(
            ["POST /incidents/PINCA01/notes", "POST /incidents/PINCB02/notes"],
            pagerDuty.Requests.Select(request => $"{request.Method} {request.PathAndQuery}").Order(StringComparer.Ordinal));
        var note = Assert.Single(serviceNow.Requests);
        Assert.Equal($"PATCH /api/now/table/incident/{ticketC}", $"{note.Method} {note.PathAndQuery}");
        foreach (var request in pagerDuty.Requests)
        {
            Assert.Equal((ExpectedAuthorization(WriteBackKind.PagerDuty), "oncall@example.com"), (request.Header("Authorization"), request.Header("From")));
            Assert.Contains(results.Reasons[0], BodyText(WriteBackKind.PagerDuty, JsonNode.Parse(request.Body)!, WriteBackContract.PagerDuty), StringComparison.Ordinal);
        }

        Assert.Equal(ExpectedAuthorization(WriteBackKind.ServiceNow), note.Header("Authorization"));
        Assert.Contains(results.Reasons[0], BodyText(WriteBackKind.ServiceNow, JsonNode.Parse(note.Body)!, WriteBackContract.ServiceNow), StringComparison.Ordinal);
    }

    [Fact]
    public void Records_named_by_several_of_the_runs_alerts_are_one_destination_item_each()
    {
        var created = AlertProbe.Core.Tests.Messages.MessageSamples.Created() with
        {
            WriteBack = [new WriteBackTarget { Kind = WriteBackKind.Grafana, Id = "fp-1", DashboardUid = "edge", PanelId = 4 }],
            CoalescedAlerts =
            [
                // The same panel through another alert: one annotation. Another panel, and no dashboard at all: their own.
                Rider(AlertSource.Grafana, "fp-2", DateTimeOffset.UnixEpoch, new WriteBackTarget { Kind = WriteBackKind.Grafana, Id = "fp-2", DashboardUid = "edge", PanelId = 4 }),
                Rider(AlertSource.Grafana, "fp-3", DateTimeOffset.UnixEpoch, new WriteBackTarget { Kind = WriteBackKind.Grafana, Id = "fp-3", DashboardUid = "edge", PanelId = 5 }),
                Rider(AlertSource.Grafana, "fp-4", DateTimeOffset.UnixEpoch, new WriteBackTarget { Kind = WriteBackKind.Grafana, Id = "fp-4" }),
                Rider(AlertSource.Alertmanager, "fp-5", DateTimeOffset.UnixEpoch, new WriteBackTarget { Kind = WriteBackKind.Jira, Id = "OPS-7" }),
                Rider(AlertSource.Alertmanager, "fp-6", DateTimeOffset.UnixEpoch, new WriteBackTarget { Kind = WriteBackKind.Jira, Id = "OPS-7" }),
            ],
        };

        Assert.Equal(
            ["grafana fp-1", "grafana fp-3", "grafana fp-4", "jira OPS-7"],
            WriteBackDelivery.Targets(created).Select(target => $"{WriteBackDispatcher.Name(target.Kind)} {target.Id}"));
    }

    private static CoalescedAlert Rider(AlertSource source, string alertId, DateTimeOffset at, params WriteBackTarget[] targets) => new()
    {
        Source = source,
        AlertId = alertId,
        Severity = AlertSeverity.Critical,
        OriginalMessageId = "msg-" + alertId,
        CoalescedAt = at,
        WriteBack = targets,
    };

    [Fact]
    public void A_grafana_alert_linked_to_a_panel_is_annotated_on_that_panel_and_one_without_as_an_organisation_annotation()
    {
        var linked = WriteBackTargets.From(AlertFixtures.Parse("grafana/firing.json").Alerts[0]);
        var annotations = new Dictionary<string, string> { ["__dashboardUid__"] = "edge-dash", ["__panelId__"] = "12" };
        var annotated = WriteBackTargets.From(new Alert
        {
            Source = AlertSource.Grafana, Id = "f00d", Status = AlertStatus.Firing, Severity = AlertSeverity.Error, Name = "x", Annotations = annotations,
        });
        var bare = WriteBackTargets.From(new Alert { Source = AlertSource.Grafana, Id = "beef", Status = AlertStatus.Firing, Severity = AlertSeverity.Error, Name = "x" });

        Assert.Equal(
            (("web-overview", (long?)4), ("edge-dash", (long?)12), ((string?)null, (long?)null, "beef")),
            ((linked[0].DashboardUid!, linked[0].PanelId), (annotated[0].DashboardUid!, annotated[0].PanelId), (bare[0].DashboardUid, bare[0].PanelId, bare[0].Id)));
    }

    [Fact]
    public async Task An_organisation_annotation_carries_no_dashboard_and_is_tagged_with_the_alert()
    {
        await using var tool = await WriteBackReceiver.StartAsync();
        await using var host = await FollowUpHost.StartAsync(Settings(WriteBackKind.Grafana, tool.BaseAddress));
        await host.CreateTestAsync("https://org-annotation.example.com/", adjust: created => created with
        {
            WriteBack = [new WriteBackTarget { Kind = WriteBackKind.Grafana, Id = "beef01" }],
        });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        var body = JsonNode.Parse(Assert.Single(tool.Requests).Body)!.AsObject();
        Assert.Equal(
            (false, true, true),
            (body.ContainsKey("dashboardUID"), body["tags"]!.AsArray().Any(tag => (string?)tag == "alert:beef01"), (long)body["timeEnd"]! >= (long)body["time"]!));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_5xx_from_the_tool_is_retried_and_the_note_is_written_once(WriteBackKind kind)
    {
        await using var tool = await WriteBackReceiver.StartAsync();
        await using var host = await FollowUpHost.StartAsync(Settings(kind, tool.BaseAddress));
        // Two in-process attempts (FollowUpHost: one HTTP retry) fail, so the delivery is rescheduled; then one more 503.
        tool.Respond(503, 503, 503);
        await host.CreateTestAsync("https://retry.example.com/", adjust: created => created with { WriteBack = TargetsFor(kind).Targets });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var first = Assert.Single(await host.DeliverDueAsync());
        host.Time.Advance(TimeSpan.FromSeconds(30));
        var second = Assert.Single(await host.DeliverDueAsync(deliveries: 2));

        Assert.Equal(
            (typeof(IntakeOutcome.Rescheduled), typeof(IntakeOutcome.Completed), 4, 1),
            (first.GetType(), second.GetType(), tool.Requests.Count, tool.Requests.Select(request => request.Body).Distinct().Count()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_redirect_is_not_followed_so_the_token_reaches_no_other_host(WriteBackKind kind)
    {
        await using var elsewhere = await WriteBackReceiver.StartAsync();
        await using var tool = await WriteBackReceiver.StartAsync();
        tool.RedirectTo = new Uri(elsewhere.BaseAddress, "steal");
        await using var host = await FollowUpHost.StartAsync(Settings(kind, tool.BaseAddress));
        await host.CreateTestAsync("https://redirect.example.com/", adjust: created => created with { WriteBack = TargetsFor(kind).Targets });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var outcome = Assert.Single(await host.DeliverDueAsync());

        Assert.Equal((1, 0, typeof(IntakeOutcome.Completed)), (tool.Requests.Count, elsewhere.Requests.Count, outcome.GetType()));
        Assert.Contains("status 302", ((IntakeOutcome.Completed)outcome).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_credential_never_appears_in_logs_or_outcomes(WriteBackKind kind)
    {
        await using var tool = await WriteBackReceiver.StartAsync();
        tool.DefaultStatus = 401;
        await using var host = await FollowUpHost.StartAsync(Settings(kind, tool.BaseAddress));
        await host.CreateTestAsync("https://secret.example.com/", adjust: created => created with { WriteBack = TargetsFor(kind).Targets });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var outcome = Assert.Single(await host.DeliverDueAsync());

        var secret = Secret(kind);
        var logs = string.Join('\n', host.Logs.GetSnapshot().Select(record => record.Message + " " + record.Exception));
        Assert.Single(tool.Requests);
        Assert.False(logs.Contains(secret, StringComparison.Ordinal) || outcome.ToString()!.Contains(secret, StringComparison.Ordinal), $"the {kind} credential leaked");
        Assert.Contains("status 401", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_with_writeBack_false_writes_nothing()
    {
        await using var tool = await WriteBackReceiver.StartAsync();
        await using var host = await FollowUpHost.StartAsync(Settings(WriteBackKind.PagerDuty, tool.BaseAddress));
        await host.CreateTestAsync(
            "https://opted-out.example.com/",
            followUp: new FollowUpInstructions { Collect = true, WriteBack = false },
            adjust: created => created with { WriteBack = TargetsFor(WriteBackKind.PagerDuty).Targets });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await host.DeliverDueAsync();

        Assert.Empty(tool.Requests);
    }

    [Fact]
    public async Task Without_write_back_settings_nothing_is_written()
    {
        await using var host = await FollowUpHost.StartAsync();
        await host.CreateTestAsync("https://unconfigured.example.com/", adjust: created => created with { WriteBack = TargetsFor(WriteBackKind.Jira).Targets });
        host.Time.Advance(TimeSpan.FromMinutes(1));

        var outcome = Assert.Single(await host.DeliverDueAsync());

        Assert.IsType<IntakeOutcome.Completed>(outcome);
        Assert.DoesNotContain("write-back", ((IntakeOutcome.Completed)outcome).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pagerduty/triggered.json", WriteBackKind.PagerDuty, "Q1W2E3R4T5Y6U7")]
    [InlineData("servicenow/result-wrapped.json", WriteBackKind.ServiceNow, "1c741bd70b2322007518478d83673af3")]
    [InlineData("servicenow/bare-record.json", WriteBackKind.ServiceNow, "9d385017c611228701d22104cc95c371")]
    [InlineData("grafana/firing.json", WriteBackKind.Grafana, "e4f5a6b7c8d9e0f1")]
    public void An_alert_from_each_source_carries_the_id_of_its_own_record(string fixture, WriteBackKind kind, string id)
    {
        var target = WriteBackTargets.From(AlertFixtures.Parse(fixture).Alerts[0])[0];

        Assert.Equal((kind, id), (target.Kind, target.Id));
    }

    [Theory]
    [InlineData("OPS-42", "OPS-42")]
    [InlineData("ops-42", null)]
    [InlineData("OPS-42/../../admin", null)]
    public void A_jira_issue_is_taken_only_from_a_well_formed_key(string value, string? expected)
    {
        var alert = new Alert
        {
            Source = AlertSource.Alertmanager, Id = "a1", Status = AlertStatus.Firing, Severity = AlertSeverity.Error, Name = "x",
            Labels = new Dictionary<string, string> { ["jira_issue"] = value },
        };

        Assert.Equal(expected, WriteBackTargets.From(alert).SingleOrDefault(target => target.Kind == WriteBackKind.Jira)?.Id);
    }

    internal static Dictionary<string, string?> Settings(WriteBackKind kind, Uri baseAddress) => kind switch
    {
        WriteBackKind.PagerDuty => new()
        {
            ["WriteBack:PagerDuty:ApiUrl"] = baseAddress.ToString(),
            ["WriteBack:PagerDuty:Token"] = PagerDutyToken,
            ["WriteBack:PagerDuty:From"] = "oncall@example.com",
        },
        WriteBackKind.ServiceNow => new()
        {
            ["WriteBack:ServiceNow:InstanceUrl"] = baseAddress.ToString(),
            ["WriteBack:ServiceNow:User"] = "alertprobe",
            ["WriteBack:ServiceNow:Password"] = ServiceNowPassword,
        },
        // Under a sub-path, as Grafana often is behind a proxy: the path is kept.
        WriteBackKind.Grafana => new()
        {
            ["WriteBack:Grafana:Url"] = new Uri(baseAddress, "grafana/").ToString(),
            ["WriteBack:Grafana:Token"] = GrafanaToken,
        },
        _ => new()
        {
            ["WriteBack:Jira:Url"] = baseAddress.ToString(),
            ["WriteBack:Jira:Email"] = "bot@example.com",
            ["WriteBack:Jira:Token"] = JiraToken,
        },
    };

    /// <summary>The targets the parsers yield for a real-shaped alert of each source (Jira: a label on an Alertmanager alert).</summary>
    internal static (AlertSource Source, IReadOnlyList<WriteBackTarget> Targets) TargetsFor(WriteBackKind kind)
    {
        var alert = kind switch
        {
            WriteBackKind.PagerDuty => AlertFixtures.Single(AlertFixtures.Parse("pagerduty/triggered.json")),
            WriteBackKind.ServiceNow => AlertFixtures.Single(AlertFixtures.Parse("servicenow/result-wrapped.json")),
            WriteBackKind.Grafana => AlertFixtures.Parse("grafana/firing.json").Alerts[0],
            _ => AlertFixtures.Single(AlertFixtures.ParseText(
                """{"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"Down","jira_issue":"OPS-42"},"annotations":{},"startsAt":"2025-04-11T22:03:15Z","fingerprint":"ab12"}]}""")),
        };
        return (alert.Source, WriteBackTargets.From(alert).Where(target => target.Kind == kind).ToList());
    }

    private static VendorCall Contract(WriteBackKind kind) => kind switch
    {
        WriteBackKind.PagerDuty => WriteBackContract.PagerDuty,
        WriteBackKind.ServiceNow => WriteBackContract.ServiceNow,
        WriteBackKind.Grafana => WriteBackContract.Grafana,
        _ => WriteBackContract.Jira,
    };

    private static string Secret(WriteBackKind kind) => kind switch
    {
        WriteBackKind.PagerDuty => PagerDutyToken,
        WriteBackKind.ServiceNow => ServiceNowPassword,
        WriteBackKind.Grafana => GrafanaToken,
        _ => JiraToken,
    };

    private static string ExpectedAuthorization(WriteBackKind kind) => kind switch
    {
        WriteBackKind.PagerDuty => WriteBackContract.PagerDuty.AuthorizationPrefix + PagerDutyToken,
        WriteBackKind.ServiceNow => WriteBackContract.ServiceNow.AuthorizationPrefix + Convert.ToBase64String(Encoding.UTF8.GetBytes("alertprobe:" + ServiceNowPassword)),
        WriteBackKind.Grafana => WriteBackContract.Grafana.AuthorizationPrefix + GrafanaToken,
        _ => WriteBackContract.Jira.AuthorizationPrefix + Convert.ToBase64String(Encoding.UTF8.GetBytes("bot@example.com:" + JiraToken)),
    };

    /// <summary>The body's text: a string field, or for Jira every text node of the ADF document (which must be a version-1 doc).</summary>
    private static string BodyText(WriteBackKind kind, JsonNode body, VendorCall contract)
    {
        var node = contract.BodyTextPath.Aggregate<string, JsonNode?>(body, (current, name) => current?[name]);
        Assert.NotNull(node);
        if (kind != WriteBackKind.Jira)
        {
            return node.GetValue<string>();
        }

        Assert.Equal(("doc", 1), ((string?)node["type"], (int?)node["version"]));
        var texts = new List<string>();
        Collect(node, texts);
        return string.Join('\n', texts);
    }

    private static void Collect(JsonNode? node, List<string> texts)
    {
        switch (node)
        {
            case JsonObject item:
                if ((string?)item["type"] == "text")
                {
                    texts.Add((string)item["text"]!);
                }

                Collect(item["content"], texts);
                break;
            case JsonArray items:
                foreach (var child in items)
                {
                    Collect(child, texts);
                }

                break;
        }
    }
}
