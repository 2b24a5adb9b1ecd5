using System.CommandLine;
using System.CommandLine.Parsing;

namespace AlertProbe.Cli;

/// <summary>
/// Turns a parse into usage errors a person can act on: an unknown option or command is named, with the closest
/// known one ("unknown option '--verbos' for 'alertprobe run'; did you mean '--verbose'?"), and a command that needs a
/// subcommand lists them. A token that looks like an option is never taken as a file name (a file whose name starts
/// with '-' can still be given after '--').
/// </summary>
internal static class UsageErrors
{
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var command = parse.CommandResult.Command;
        var name = CommandPath(parse.CommandResult);
        var errors = new List<string>();
        var described = new HashSet<string>(StringComparer.Ordinal);

        var afterDoubleDash = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        var doubleDash = parse.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        if (doubleDash >= 0)
        {
            afterDoubleDash.UnionWith(parse.Tokens.Skip(doubleDash + 1));
        }

        // Option-looking tokens the command's own arguments swallowed ("run FILE --verbos"), then those nothing took.
        var candidates = parse.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Where(t => !afterDoubleDash.Contains(t))
            .Select(t => t.Value)
            .Concat(parse.UnmatchedTokens);
        foreach (var token in candidates.Where(t => described.Add(t)))
        {
            if (LooksLikeOption(token))
            {
                var known = OptionNames(parse.CommandResult);
                errors.Add($"unknown option '{token}' for '{name}'{Suggestion(token, known)}");
            }
            else if (parse.UnmatchedTokens.Contains(token) && command.Subcommands.Count > 0)
            {
                if (errors.Any(e => e.StartsWith("unknown command", StringComparison.Ordinal)))
                {
                    // Only the first word can be the command; what follows it was meant for that command.
                    continue;
                }

                errors.Add($"unknown command '{token}' for '{name}'{Suggestion(token, command.Subcommands.SelectMany(c => c.Aliases.Prepend(c.Name)))}");
            }
            else if (parse.UnmatchedTokens.Contains(token))
            {
                errors.Add($"unexpected argument '{token}' for '{name}'");
            }
            else
            {
                described.Remove(token);
            }
        }

        if (command.Subcommands.Count > 0 && command.Action is null && errors.Count == 0)
        {
            errors.Add($"'{name}' needs a command: {string.Join(", ", command.Subcommands.Select(c => c.Name))}");
        }

        // The parser's own findings (a missing argument, a bad value), except what was said above in better words.
        foreach (var error in parse.Errors)
        {
            var aboutAToken = described.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));
            var aboutTheCommand = command.Subcommands.Count > 0 && command.Action is null
                && error.Message.Contains("command", StringComparison.OrdinalIgnoreCase) && error.Message.Contains("not provided", StringComparison.OrdinalIgnoreCase);
            if (!aboutAToken && !aboutTheCommand)
            {
                errors.Add(error.Message);
            }
        }

        return errors;
    }

    /// <summary>"alertprobe rules test" for the command the parse reached.</summary>
    public static string CommandPath(CommandResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var names = new List<string>();
        for (SymbolResult? current = result; current is not null; current = current.Parent)
        {
            if (current is CommandResult commandResult)
            {
                names.Add(commandResult.Parent is null ? "alertprobe" : commandResult.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !char.IsDigit(token[1]);

    /// <summary>The options valid where the parse ended: the command's own and recursive ones from above (--help).</summary>
    private static IEnumerable<string> OptionNames(CommandResult result)
    {
        var own = result.Command.Options.SelectMany(o => o.Aliases.Prepend(o.Name));
        var inherited = new List<string>();
        for (var parent = result.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            inherited.AddRange(parent.Command.Options.Where(o => o.Recursive).SelectMany(o => o.Aliases.Prepend(o.Name)));
        }

        return own.Concat(inherited).Distinct(StringComparer.Ordinal);
    }

    /// <summary>"; did you mean 'x'?" for the closest name, when one is close enough to be a typo or a prefix.</summary>
    internal static string Suggestion(string token, IEnumerable<string> known)
    {
        var best = known
            .Where(k => !k.StartsWith("-?", StringComparison.Ordinal) && k != "/?" && k != "/h")
            .Select(k => (Name: k, Distance: k.StartsWith(token, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(token.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(2, token.Length / 3))
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Name.Length)
            .FirstOrDefault();
        return best.Name is null ? string.Empty : $"; did you mean '{best.Name}'?";
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    private static int Distance(string left, string right)
    {
        var previous = new int[right.Length + 1];
        var current = new int[right.Length + 1];
        for (var j = 0; j <= right.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= left.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[right.Length];
    }
}
