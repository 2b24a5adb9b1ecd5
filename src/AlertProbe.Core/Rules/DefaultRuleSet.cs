namespace AlertProbe.Core.Rules;

/// <summary>
/// The rules used when no rules file is configured: probe whatever target the alert itself names, from a few
/// cloud agents, for firing alerts of warning or worse. Deliberately generic; real deployments write their own.
/// </summary>
public static class DefaultRuleSet
{
    public const string SourceName = "built-in default rules";

    public const string Yaml = """
        version: 1
        defaults:
          agents: { types: [cloud], max: 3 }
          cooldown: 10m
          followUp: { collect: true }
        rules:
          - name: default-url-target
            match:
              severity: { atLeast: warning }
              hasTarget: [url]
            tests:
              - type: http-server
                url: "{{ target.url }}"
                name: "alertprobe {{ alert.name }} {{ target.url | host }}"
          - name: default-host-target
            match:
              severity: { atLeast: warning }
              hasTarget: [host, ip]
            tests:
              - type: agent-to-server
                server: "{{ target.host }}"
                protocol: tcp
                name: "alertprobe {{ alert.name }} {{ target.host | host }}"
        """;
}
