namespace AlertProbe.Core.Tests.Intake.Support;

/// <summary>The rules the intake tests run with: blackbox URL probes from two fixed agents (no agent-list call).</summary>
internal static class IntakeRules
{
    public const string Name = "blackbox-url";

    public const string Yaml = """
        version: 1
        defaults:
          agents: { ids: ["113", "114"] }
          cooldown: 10m
          followUp: { collect: true }
        rules:
          - name: blackbox-url
            match:
              sources: [alertmanager]
              labels: ['job="blackbox"']
            tests:
              - type: http-server
                url: "{{ labels.instance }}"
            followUp:
              collect: true
              rerun: { count: 1, interval: 5m }
        """;
}
