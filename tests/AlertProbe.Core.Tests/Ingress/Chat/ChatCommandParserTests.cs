using AlertProbe.Core.Ingress.Chat;

namespace AlertProbe.Core.Tests.Ingress.Chat;

public sealed class ChatCommandParserTests
{
    private static ChatCommand Parsed(string text)
    {
        var result = ChatCommandParser.Parse(text);
        var parsed = Assert.IsType<ChatParseResult.Parsed>(result);
        return parsed.Command;
    }

    private static string Error(string text)
    {
        var result = ChatCommandParser.Parse(text);
        return Assert.IsType<ChatParseResult.Invalid>(result).Error;
    }

    [Theory]
    [InlineData("http https://shop.example.com", "http-server", "url", "https://shop.example.com")]
    [InlineData("/alertprobe http https://shop.example.com", "http-server", "url", "https://shop.example.com")]
    [InlineData("HTTP shop.example.com/health", "http-server", "url", "https://shop.example.com/health")]
    [InlineData("http-server http://intranet.example.com:8080/", "http-server", "url", "http://intranet.example.com:8080/")]
    [InlineData("page https://www.example.com", "page-load", "url", "https://www.example.com")]
    [InlineData("server db.example.com:5432", "agent-to-server", "server", "db.example.com:5432")]
    [InlineData("tcp 192.0.2.10", "agent-to-server", "server", "192.0.2.10")]
    [InlineData("agent-to-server [2001:db8::1]:443", "agent-to-server", "server", "[2001:db8::1]:443")]
    [InlineData("dns example.com", "dns-trace", "domain", "example.com")]
    [InlineData("dns example.com.", "dns-trace", "domain", "example.com")]
    [InlineData("dnssec example.org", "dnssec", "domain", "example.org")]
    [InlineData("http <https://shop.example.com>", "http-server", "url", "https://shop.example.com")]
    [InlineData("dns <http://example.com|example.com>", "dns-trace", "domain", "example.com")]
    [InlineData("http https://shop.example.com/?a=1&amp;b=2", "http-server", "url", "https://shop.example.com/?a=1&b=2")]
    public void Type_and_target_map_to_the_test_type_and_its_target_field(string text, string testType, string field, string target)
    {
        var command = Parsed(text);

        Assert.Equal((testType, field, target), (command.TestType, command.TargetField, command.Target));
    }

    [Fact]
    public void Full_command_carries_agent_count_countries_label_and_rerun()
    {
        var command = Parsed("/alertprobe http https://shop.example.com from 3 agents in US,de label prod rerun 2 every 5m");

        Assert.Equal(3, command.AgentCount);
        Assert.Equal(["US", "DE"], command.Countries);
        Assert.Equal("prod", command.Label);
        Assert.Equal(2, command.Rerun!.Count);
        Assert.Equal(TimeSpan.FromMinutes(5), command.Rerun.Interval);
    }

    [Theory]
    [InlineData("http https://x.example.com in US, DE")]
    [InlineData("http https://x.example.com in US ,DE")]
    [InlineData("http https://x.example.com in US,DE,us")]
    public void Country_list_tolerates_spaces_around_commas_and_drops_repeats(string text)
    {
        Assert.Equal(["US", "DE"], Parsed(text).Countries);
    }

    [Theory]
    [InlineData("http https://x.example.com rerun 2 every 5m from 1 agent", 1)]
    [InlineData("http https://x.example.com from 20 agents", 20)]
    [InlineData("http https://x.example.com from 4", 4)]
    public void Clauses_come_in_any_order_and_agent_word_is_optional(string text, int count)
    {
        Assert.Equal(count, Parsed(text).AgentCount);
    }

    [Theory]
    [InlineData("rerun 1 every 1m", 1, 60)]
    [InlineData("rerun 3 times every 90s", 3, 90)]
    [InlineData("rerun 10 every 1h", 10, 3600)]
    [InlineData("rerun 2 every 15min", 2, 900)]
    public void Rerun_takes_a_count_and_a_duration(string clause, int count, int seconds)
    {
        var rerun = Parsed("dns example.com " + clause).Rerun!;

        Assert.Equal((count, TimeSpan.FromSeconds(seconds)), (rerun.Count, rerun.Interval));
    }

    [Fact]
    public void Bare_command_leaves_agents_and_rerun_unset()
    {
        var command = Parsed("server db.example.com");

        Assert.Equal((null, 0, null, null), (command.AgentCount, command.Countries.Count, command.Label, command.Rerun));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("help")]
    [InlineData("/alertprobe HELP")]
    [InlineData("--help")]
    public void Empty_text_or_help_asks_for_help(string? text)
    {
        Assert.IsType<ChatParseResult.HelpRequested>(ChatCommandParser.Parse(text));
    }

    [Theory]
    [InlineData("bgp 10.0.0.0/8", "Unknown test type 'bgp'")]
    [InlineData("http", "Say what to test: http <URL>")]
    [InlineData("server", "Say what to test: server <host[:port]>")]
    [InlineData("http ftp://files.example.com", "is not an http(s) URL")]
    [InlineData("server https://db.example.com", "is not a host name or IP address")]
    [InlineData("server db.example.com:99999", "is not a host name or IP address")]
    [InlineData("dns https://example.com", "is not a domain name")]
    [InlineData("dns localhost", "is not a domain name")]
    [InlineData("http https://x.example.com from three agents", "Write 'from <n> agents'")]
    [InlineData("http https://x.example.com from 0 agents", "between 1 and 20 agents")]
    [InlineData("http https://x.example.com from 21 agents", "between 1 and 20 agents")]
    [InlineData("http https://x.example.com in USA", "'USA' is not a two-letter country code")]
    [InlineData("http https://x.example.com in", "two-letter country codes")]
    [InlineData("http https://x.example.com label", "Write 'label <agent label>'")]
    [InlineData("http https://x.example.com rerun 2", "Write 'rerun <n> every <duration>'")]
    [InlineData("http https://x.example.com rerun 2 every soon", "'soon' is not a duration")]
    [InlineData("http https://x.example.com rerun 11 every 5m", "between 1 and 10 times")]
    [InlineData("http https://x.example.com rerun 2 every 30s", "every 1m to 1h")]
    [InlineData("http https://x.example.com rerun 2 every 2h", "every 1m to 1h")]
    [InlineData("http https://x.example.com from 2 agents from 3 agents", "'from' is given twice")]
    [InlineData("http https://x.example.com quickly", "Unexpected 'quickly'")]
    public void Invalid_commands_say_what_to_fix(string text, string expected)
    {
        Assert.Contains(expected, Error(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_names_every_type_and_the_invocation()
    {
        var usage = ChatUsage.Text("/probe");

        Assert.All(ChatTestType.All, type => Assert.Contains(type.Names[0], usage, StringComparison.Ordinal));
        Assert.Contains("/probe http https://shop.example.com from 3 agents in US,DE", usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_reads_back_the_whole_command()
    {
        var command = Parsed("http https://shop.example.com from 3 agents in US,DE label prod rerun 1 every 90s");

        Assert.Equal("http-server test against https://shop.example.com from 3 agents in US, DE with label prod, rerun 1 time every 90s", command.Describe());
    }
}

/// <summary>Hosts that Uri accepts but IDNA refuses are usage errors, not exceptions (issue 9 item 6).</summary>
public sealed class ChatCommandParserIdnaTests
{
    [Theory]
    [InlineData("http https://shop\uFFFD.example.com")]
    [InlineData("server db\uFFFD.example.com:5432")]
    [InlineData("page https://\uD800.example.com")]
    public void Host_refused_by_idna_is_an_invalid_command_not_an_exception(string text)
    {
        var result = AlertProbe.Core.Ingress.Chat.ChatCommandParser.Parse(text);

        Assert.IsType<AlertProbe.Core.Ingress.Chat.ChatParseResult.Invalid>(result);
    }
}
