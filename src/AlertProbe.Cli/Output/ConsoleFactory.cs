using Spectre.Console;

namespace AlertProbe.Cli.Output;

/// <summary>
/// Spectre consoles over the context's writers: colour and interaction only on a terminal and never when
/// <c>NO_COLOR</c> is set; redirected output is plain text, wide enough not to wrap plan bodies.
/// </summary>
internal static class ConsoleFactory
{
    private const int RedirectedWidth = 512;

    public static IAnsiConsole ForOutput(CliContext context) => Create(context.Out, context.OutputIsTerminal, context.NoColor);

    public static IAnsiConsole ForError(CliContext context) => Create(context.Error, context.ErrorIsTerminal, context.NoColor);

    private static IAnsiConsole Create(TextWriter writer, bool isTerminal, bool noColor)
    {
        var colour = isTerminal && !noColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            // No live displays with NO_COLOR either (docs/cli.md): the progress display then prints heartbeat lines.
            Interactive = colour ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
