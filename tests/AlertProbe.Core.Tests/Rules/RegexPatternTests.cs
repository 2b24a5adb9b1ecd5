using System.Text;
using System.Text.RegularExpressions;
using AlertProbe.Core.Rules;
using AlertProbe.Core.Tests.Planning;
using CsCheck;

namespace AlertProbe.Core.Tests.Rules;

public class RegexPatternTests
{
    [Fact]
    public void A_plain_pattern_is_checked_at_load_and_built_on_first_match()
    {
        Assert.True(LabelMatcher.TryParse("instance=~\"https?://.+\"", out var matcher, out var error), error);
        Assert.False(matcher.Pattern!.IsBuilt);

        Assert.True(matcher.Matches(new AlertBuilder().WithLabel("instance", "https://shop.example.com").Build()));

        Assert.True(matcher.Pattern.IsBuilt);
    }

    [Theory]
    [InlineData("a{3}")]
    [InlineData("(?i)checkout")]
    [InlineData("\\bweb\\b")]
    [InlineData("\\p{L}+")]
    public void A_pattern_outside_the_plain_subset_is_built_at_load_so_the_engine_judges_it_there(string pattern)
    {
        Assert.True(LabelMatcher.TryParse($"service=~\"{pattern}\"", out var matcher, out var error), error);

        Assert.True(matcher.Pattern!.IsBuilt);
    }

    [Theory]
    [InlineData("(?=a)a")]
    [InlineData("(?!a)b")]
    [InlineData("(?<=a)b")]
    [InlineData("(?<!a)b")]
    [InlineData("(a)\\1")]
    [InlineData("(?<n>a)\\k<n>")]
    [InlineData("(?>a+)b")]
    [InlineData("(?(a)a|b)")]
    [InlineData("\\Ga")]
    [InlineData("(a{1000}){1000}")]
    [InlineData("a{100000}")]
    public void What_the_linear_engine_refuses_is_never_taken_as_plain(string pattern)
    {
        Assert.Throws<NotSupportedException>(() => new Regex($"^(?:{pattern})$", RegexOptions.NonBacktracking));

        Assert.False(RegexPattern.IsPlain(pattern));
        Assert.False(RegexPattern.TryCreate(pattern, out _, out _));
    }

    [Fact]
    public void Every_plain_pattern_that_parses_is_accepted_by_the_linear_engine()
    {
        // Random text over the characters that make up patterns, plain ones kept: building the engine must never fail.
        Gen.String[Gen.Char["ab.-|()[]^$*+?\\dwsDWSnt:?"], 0, 24].Sample(pattern =>
        {
            if (!RegexPattern.IsPlain(pattern) || !Parses(pattern))
            {
                return;
            }

            _ = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }, iter: 5000);
    }

    [Theory]
    [InlineData("svc-1-(api|web)", "svc-1-")]
    [InlineData("https?://.+", "http")]
    [InlineData("abc", "abc")]
    [InlineData("ab*", "a")]
    [InlineData("ab+c", "a")]
    [InlineData("a\\.b.*", "a.b")]
    [InlineData("x(?:y|z)", "x")]
    [InlineData("ab{2}", "a")]
    [InlineData("a|b", "")]
    [InlineData("ab(c|d)|e", "")]
    [InlineData("(a|b)c", "")]
    [InlineData("[ab]c", "")]
    [InlineData(".*-1", "")]
    [InlineData("a[|]b|c", "")]
    [InlineData("a\\|b", "a|b")]
    public void The_literal_prefix_is_what_every_match_starts_with(string pattern, string prefix)
    {
        Assert.Equal(prefix, RegexPattern.LiteralPrefixOf(pattern));
    }

    [Fact]
    public void Every_value_a_pattern_matches_starts_with_its_literal_prefix()
    {
        // Patterns generated together with a value they match: the value must carry the prefix the index files it under.
        PatternAndMatch.Sample(pair =>
        {
            var (pattern, value) = pair;
            Assert.Matches(new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant), value);
            Assert.StartsWith(RegexPattern.LiteralPrefixOf(pattern), value, StringComparison.Ordinal);
        }, iter: 5000);
    }

    private static bool Parses(string pattern)
    {
        try
        {
            _ = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>A small regex grammar (literals, escapes, classes, groups, alternation, quantifiers) with one matching value each.</summary>
    private static readonly Gen<(string Pattern, string Value)> PatternAndMatch = Gen.Recursive<(string, string)>((depth, self) =>
    {
        var literal = Gen.Char["abc-/:"].Select(c => (c.ToString(), c.ToString()));
        var escaped = Gen.Char[".|+*?()[]{}$^"].Select(c => ("\\" + c, c.ToString()));
        var dot = Gen.Const((".", "x"));
        var charClass = Gen.Char["abc"].Select(c => ("[abc]", c.ToString()));
        var atom = Gen.OneOf(literal, escaped, dot, charClass);
        if (depth > 2)
        {
            return atom;
        }

        var group = self.Select(inner => ($"({inner.Item1})", inner.Item2));
        var alternation = Gen.Select(self, self, Gen.Bool, (left, right, takeLeft) =>
            ($"{left.Item1}|{right.Item1}", takeLeft ? left.Item2 : right.Item2));
        var quantified = Gen.Select(Gen.OneOf(atom, group), Gen.Int[0, 2], Gen.Int[0, 3], (inner, times, quantifier) =>
        {
            var (suffix, count) = quantifier switch
            {
                0 => ("*", times),
                1 => ("+", Math.Max(1, times)),
                2 => ("?", Math.Min(1, times)),
                _ => ("{1,3}", Math.Max(1, times)),
            };
            return (inner.Item1 + suffix, new StringBuilder().Insert(0, inner.Item2, count).ToString());
        });
        var sequence = Gen.Select(Gen.OneOf(atom, group, quantified).Array[1, 4], parts =>
            (string.Concat(parts.Select(part => part.Item1)), string.Concat(parts.Select(part => part.Item2))));
        return Gen.OneOf(sequence, sequence, alternation);
    });
}
