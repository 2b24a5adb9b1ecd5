namespace AlertProbe.Cli;

/// <summary>
/// What a command may touch of its surroundings: its output streams, the environment variables, the working
/// directory and whether the output is a terminal. The process passes the real ones; tests pass their own, so
/// commands run in-process and in parallel without sharing global state.
/// </summary>
internal sealed record CliContext
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>Environment variables (configuration is read from them, <c>__</c> separating sections).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Relative paths resolve against this folder.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Standard output is an interactive terminal: colour, live progress and spinners are allowed.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Standard error is an interactive terminal.</summary>
    public bool ErrorIsTerminal { get; init; }

    /// <summary>The clock of the progress display (heartbeats, countdowns); tests pass a fake one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public static CliContext FromProcess()
    {
        var variables = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (System.Collections.DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            variables[(string)entry.Key] = entry.Value as string;
        }

        return new CliContext
        {
            Out = Console.Out,
            Error = Console.Error,
            Environment = variables,
            OutputIsTerminal = !Console.IsOutputRedirected,
            ErrorIsTerminal = !Console.IsErrorRedirected,
        };
    }

    /// <summary>A path as the user wrote it, resolved against <see cref="WorkingDirectory"/>.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>Colour is off when the <c>NO_COLOR</c> convention asks for it (any non-empty value).</summary>
    public bool NoColor => Environment.TryGetValue("NO_COLOR", out var value) && !string.IsNullOrEmpty(value);
}
