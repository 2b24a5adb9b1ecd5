using AlertProbe.Core.Agents;
using AlertProbe.Core.Outcomes;
using AlertProbe.Core.Planning;
using AlertProbe.ThousandEyes.Agents;

namespace AlertProbe.Core.Tests.Agents;

public sealed class AgentResolverTests
{
    private static readonly IReadOnlyList<ThousandEyesAgent> Agents =
    [
        Agent("10", "Frankfurt", "cloud", "DE", ["europe"]),
        Agent("11", "London", "cloud", "GB", ["europe"]),
        Agent("12", "New York", "cloud", "US", ["americas"]),
        Agent("13", "Dallas", "cloud", "US", ["americas"], enabled: false),
        Agent("20", "Branch Office", "enterprise", "US", ["branches"]),
    ];

    [Fact]
    public void Explicit_ids_are_taken_as_given_without_consulting_the_agent_list()
    {
        var resolution = AgentResolver.Resolve(new AgentSelector { Ids = ["999", "10", "999"] }, Agents);

        Assert.True(resolution.IsResolved);
        Assert.Equal(["999", "10"], resolution.AgentIds);
    }

    [Fact]
    public void Criteria_of_different_kinds_narrow_each_other()
    {
        var resolution = AgentResolver.Resolve(new AgentSelector { Countries = ["US"], Types = ["cloud"] }, Agents);

        Assert.Equal(["12"], resolution.AgentIds);
    }

    [Fact]
    public void Values_within_one_kind_are_alternatives_and_disabled_agents_are_skipped()
    {
        var resolution = AgentResolver.Resolve(new AgentSelector { Countries = ["us", "de"] }, Agents);

        Assert.Equal(["20", "10", "12"], resolution.AgentIds);
    }

    [Fact]
    public void Max_keeps_the_first_agents_in_name_order()
    {
        var resolution = AgentResolver.Resolve(new AgentSelector { Labels = ["europe", "americas"], Max = 2 }, Agents);

        Assert.Equal(["10", "11"], resolution.AgentIds);
    }

    [Fact]
    public void Names_match_case_insensitively()
    {
        var resolution = AgentResolver.Resolve(new AgentSelector { Names = ["london"] }, Agents);

        Assert.Equal(["11"], resolution.AgentIds);
    }

    [Fact]
    public void A_selector_matching_nothing_is_rejected_with_the_criteria_in_the_description()
    {
        var resolution = AgentResolver.Resolve(new AgentSelector { Countries = ["JP"] }, Agents);

        Assert.False(resolution.IsResolved);
        Assert.Equal(RejectionReasons.NoAgents, resolution.Rejection!.Reason);
        Assert.Contains("countries JP", resolution.Rejection.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_selector_is_rejected_rather_than_running_from_every_agent()
    {
        var resolution = AgentResolver.Resolve(new AgentSelector(), Agents);

        Assert.Equal(RejectionReasons.NoAgents, resolution.Rejection!.Reason);
    }

    [Fact]
    public void Agents_the_API_chose_by_label_count_even_when_their_list_entry_shows_no_labels()
    {
        IReadOnlyList<ThousandEyesAgent> labelled = [Agent("30", "Paris", "cloud", "FR", []), Agent("31", "Madrid", "cloud", "ES", [])];

        var resolution = AgentResolver.ResolveAmongLabelled(new AgentSelector { Labels = ["europe"], Countries = ["ES"] }, labelled);

        Assert.Equal(["31"], resolution.AgentIds);
    }

    private static ThousandEyesAgent Agent(string id, string name, string type, string country, string[] labels, bool enabled = true) => new()
    {
        Id = id,
        Name = name,
        Type = type,
        CountryId = country,
        Labels = labels,
        Enabled = enabled,
    };
}
