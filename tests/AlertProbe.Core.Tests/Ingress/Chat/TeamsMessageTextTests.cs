using AlertProbe.Core.Ingress.Chat;

namespace AlertProbe.Core.Tests.Ingress.Chat;

public sealed class TeamsMessageTextTests
{
    [Theory]
    [InlineData("<at>AlertProbe</at> http https://shop.example.com", "http https://shop.example.com")]
    [InlineData("<at>Alert Probe</at>&nbsp;dns example.com\n", "dns example.com")]
    [InlineData("<p><at id=\"0\">AlertProbe</at> server db.example.com:5432</p>", "server db.example.com:5432")]
    [InlineData("<at>AlertProbe</at> http https://x.example.com/?a=1&amp;b=2", "http https://x.example.com/?a=1&b=2")]
    [InlineData("<at>AlertProbe</at>", "")]
    [InlineData(null, "")]
    public void Mention_tags_and_entities_are_removed(string? text, string expected)
    {
        Assert.Equal(expected, TeamsMessageText.ToCommandText(text));
    }
}
