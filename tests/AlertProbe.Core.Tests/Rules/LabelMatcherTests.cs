using AlertProbe.Core.Alerts;
using AlertProbe.Core.Rules;
using AlertProbe.Core.Tests.Planning;

namespace AlertProbe.Core.Tests.Rules;

public class LabelMatcherTests
{
    private static readonly Alert Alert = new AlertBuilder()
        .Named("Checkout latency")
        .WithLabel("service", "checkout")
        .WithLabel("env", "prod")
        .WithLabel("instance", "https://shop.example.com/health")
        .WithLabel("team", "web")
        .WithLabel("empty", string.Empty)
        .WithCustomProperty("probeUrl", "https://portal.example.com")
        .WithAnnotation("runbook", "https://runbooks.example.com/checkout")
        .Build();

    [Theory]
    [InlineData("service=\"checkout\"", true)]
    [InlineData("service = \"checkout\"", true)]
    [InlineData("service='checkout'", true)]
    [InlineData("service=\"Checkout\"", false)]
    [InlineData("env!=\"dev\"", true)]
    [InlineData("env!=\"prod\"", false)]
    [InlineData("instance=~\"https?://.*\"", true)]
    [InlineData("instance=~\"https?://\"", false)]
    [InlineData("instance=~\"shop\\.example\\.com\"", false)]
    [InlineData("instance=~\".*shop\\.example\\.com.*\"", true)]
    [InlineData("team!~\"db.*\"", true)]
    [InlineData("team!~\"w.*\"", false)]
    [InlineData("team=~\"web|db\"", true)]
    [InlineData("team=~\"we\"", false)]
    [InlineData("labels.service=\"checkout\"", true)]
    [InlineData("customProperties.probeUrl=~\"https://portal.*\"", true)]
    [InlineData("annotations.runbook=~\".*checkout\"", true)]
    [InlineData("alert.name=~\"Checkout.*\"", true)]
    public void Matcher_applies_prometheus_operators_with_anchored_regexes(string text, bool expected)
    {
        Assert.Equal(expected, Parse(text).Matches(Alert));
    }

    [Theory]
    [InlineData("absent=\"\"", true)]
    [InlineData("absent!=\"x\"", true)]
    [InlineData("absent=\"x\"", false)]
    [InlineData("absent=~\".*\"", true)]
    [InlineData("absent=~\".+\"", false)]
    [InlineData("absent!~\"x\"", true)]
    [InlineData("empty=\"\"", true)]
    [InlineData("customProperties.absent=\"\"", true)]
    public void Missing_value_is_the_empty_string_as_in_prometheus(string text, bool expected)
    {
        Assert.Equal(expected, Parse(text).Matches(Alert));
    }

    [Theory]
    [InlineData("service", "needs one of =, !=, =~, !~")]
    [InlineData("=\"x\"", "has no name")]
    [InlineData("service=checkout", "must be quoted")]
    [InlineData("service=\"checkout", "not closed")]
    [InlineData("service=\"checkout\" extra", "unexpected text")]
    [InlineData("service=~\"(unclosed\"", "invalid regular expression")]
    [InlineData("service=~\"(a)\\1\"", "not supported")]
    [InlineData("service=~\"(?=a)b\"", "not supported")]
    [InlineData("service=~\"(a{1000}){1000}\"", "too large")]
    [InlineData("service=~\"a{100000}\"", "too large")]
    [InlineData("labels.=\"x\"", "empty name")]
    public void Malformed_matcher_is_refused_with_a_reason(string text, string expected)
    {
        Assert.False(LabelMatcher.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    private static LabelMatcher Parse(string text)
    {
        Assert.True(LabelMatcher.TryParse(text, out var matcher, out var error), error);
        return matcher;
    }
}
