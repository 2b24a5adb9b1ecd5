namespace AlertProbe.Core.Diagnostics;

/// <summary>The names of the app's spans (docs/deployment.md lists them with what each covers).</summary>
public static class SpanNames
{
    /// <summary>An HTTP webhook or chat command accepted and queued (server span of the ingress functions, the CLI's queueing).</summary>
    public const string Ingress = "ingress";

    /// <summary>A message from the <c>alerts</c> queue handled by AlertIntake (consumer).</summary>
    public const string Intake = "intake";

    /// <summary>One plan taken through ledger, budget and ThousandEyes (child of intake).</summary>
    public const string Create = "create";

    /// <summary>Prefix of a message sent to a queue or topic (producer): <c>publish instant-tests</c>.</summary>
    public const string Publish = "publish";

    /// <summary>Prefix of a message scheduled for later (producer): <c>schedule alerts</c>.</summary>
    public const string Schedule = "schedule";

    /// <summary>A run message handled by CollectResults (consumer).</summary>
    public const string Collect = "collect";

    /// <summary>A run message handled by RerunTests (consumer).</summary>
    public const string Rerun = "rerun";

    /// <summary>A verdict delivered to its reply address (Slack, Teams, webhook).</summary>
    public const string Reply = "reply";
}
