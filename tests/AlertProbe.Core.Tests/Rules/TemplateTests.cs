using AlertProbe.Core.Alerts;
using AlertProbe.Core.Rules.Templates;
using AlertProbe.Core.Tests.Planning;

namespace AlertProbe.Core.Tests.Rules;

public class TemplateTests
{
    private static readonly Alert Alert = new AlertBuilder()
        .WithId("fp-42")
        .Named("BlackboxProbeFailed")
        .WithSeverity(AlertSeverity.Warning)
        .WithLabel("instance", "https://Shop.Example.com:8443/health")
        .WithLabel("host", "db1.example.com:5432")
        .WithLabel("bare", "Example.COM")
        .WithLabel("empty", string.Empty)
        .WithLabel("app.kubernetes.io/name", "checkout")
        .WithLabel("service.summary", "Corporate VPN")
        .WithAnnotation("summary", "probe down")
        .WithCustomProperty("probeUrl", "https://portal.example.com/login")
        .WithHostTarget("api.example.com:8080")
        .WithUrlTarget("https://www.example.com/")
        .WithIpTarget("192.0.2.10")
        .Build();

    [Theory]
    [InlineData("{{ labels.instance }}", "https://Shop.Example.com:8443/health")]
    [InlineData("{{labels.instance|host}}", "shop.example.com")]
    [InlineData("{{ labels.instance | host | lower }}", "shop.example.com")]
    [InlineData("{{ labels.instance | port }}", "8443")]
    [InlineData("{{ labels.instance | scheme }}", "https")]
    [InlineData("{{ labels.instance | hostport }}", "shop.example.com:8443")]
    [InlineData("{{ customProperties.probeUrl | port }}", "443")]
    [InlineData("{{ customProperties.probeUrl | hostport }}", "portal.example.com:443")]
    [InlineData("{{ labels.host | host }}", "db1.example.com")]
    [InlineData("{{ labels.host | port }}", "5432")]
    [InlineData("{{ labels.bare | url }}", "https://Example.COM")]
    [InlineData("{{ labels.instance | url }}", "https://Shop.Example.com:8443/health")]
    [InlineData("{{ labels.bare | hostport }}", "example.com")]
    [InlineData("{{ labels.missing | default \"fallback\" }}", "fallback")]
    [InlineData("{{ labels.empty | default \"fallback\" }}", "fallback")]
    [InlineData("{{ labels.bare | default \"fallback\" }}", "Example.COM")]
    [InlineData("{{ labels.bare | port | default \"443\" }}", "443")]
    [InlineData("{{ labels[\"app.kubernetes.io/name\"] }}", "checkout")]
    [InlineData("{{ labels.service.summary }}", "Corporate VPN")]
    [InlineData("{{ annotations.summary }}", "probe down")]
    [InlineData("{{ alert.name }}", "BlackboxProbeFailed")]
    [InlineData("{{ alert.id }}", "fp-42")]
    [InlineData("{{ alert.severity }}", "warning")]
    [InlineData("{{ alert.source }}", "alertmanager")]
    [InlineData("{{ target }}", "api.example.com:8080")]
    [InlineData("{{ target.url }}", "https://www.example.com/")]
    [InlineData("{{ target.host }}", "api.example.com:8080")]
    [InlineData("{{ target.ip }}", "192.0.2.10")]
    [InlineData("{{ target.host | host }}", "api.example.com")]
    [InlineData("probe {{ alert.name }} on {{ labels.bare | lower }}!", "probe BlackboxProbeFailed on example.com!")]
    [InlineData("no template at all", "no template at all")]
    public void Template_renders_variables_and_helpers(string source, string expected)
    {
        var rendered = Parse(source).Render(Alert);

        Assert.True(rendered.IsSuccess, rendered.Failure?.Detail);
        Assert.Equal(expected, rendered.Value);
    }

    [Fact]
    public void Label_value_that_looks_like_a_template_is_inserted_literally()
    {
        var alert = new AlertBuilder()
            .WithLabel("instance", "{{ labels.secret }}")
            .WithLabel("secret", "hunter2")
            .Build();

        var rendered = Parse("x-{{ labels.instance }}-y").Render(alert);

        Assert.Equal("x-{{ labels.secret }}-y", rendered.Value);
    }

    [Theory]
    [InlineData("{{ labels.missing }}", "labels.missing", TemplateFailureKind.MissingValue)]
    [InlineData("{{ labels.empty }}", "labels.empty", TemplateFailureKind.MissingValue)]
    [InlineData("{{ customProperties.nope | url }}", "customProperties.nope", TemplateFailureKind.MissingValue)]
    [InlineData("{{ labels.bare | port }}", "labels.bare", TemplateFailureKind.MissingValue)]
    [InlineData("{{ labels.bare | scheme }}", "labels.bare", TemplateFailureKind.MissingValue)]
    [InlineData("{{ annotations.summary | host }}", "annotations.summary", TemplateFailureKind.InvalidValue)]
    public void Template_without_a_usable_value_fails_instead_of_rendering_empty(string source, string variable, TemplateFailureKind kind)
    {
        var rendered = Parse(source).Render(Alert);

        Assert.False(rendered.IsSuccess);
        Assert.Equal(kind, rendered.Failure.Kind);
        Assert.Equal(variable, rendered.Failure.Variable);
    }

    [Fact]
    public void Target_variable_fails_when_the_alert_has_no_target_of_that_kind()
    {
        var alert = new AlertBuilder().WithHostTarget("db.example.com").Build();

        var rendered = Parse("{{ target.url }}").Render(alert);

        Assert.Equal("the alert has no URL target", rendered.Failure?.Detail);
    }

    [Theory]
    [InlineData("{{ labels.instance | upper }}", "unknown helper 'upper'")]
    [InlineData("{{ label.instance }}", "unknown variable 'label.instance'")]
    [InlineData("{{ alert.owner }}", "unknown variable 'alert.owner'")]
    [InlineData("{{ labels }}", "unknown variable 'labels'")]
    [InlineData("{{ labels.instance ", "never closed")]
    [InlineData("{{ }}", "expected a variable")]
    [InlineData("{{ labels.a | default }}", "'default' needs a quoted value")]
    [InlineData("{{ labels.a labels.b }}", "unexpected 'labels.b'")]
    [InlineData("{{ labels.a | }}", "expected a helper name")]
    public void Invalid_template_is_refused_with_a_reason(string source, string expected)
    {
        var parsed = Template.Parse(source);

        Assert.False(parsed.IsValid);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_argument_may_contain_closing_braces()
    {
        var rendered = Parse("{{ labels.missing | default \"}}\" }}").Render(Alert);

        Assert.Equal("}}", rendered.Value);
    }

    private static Template Parse(string source)
    {
        var parsed = Template.Parse(source);
        Assert.True(parsed.IsValid, parsed.Error);
        return parsed.Template;
    }
}
