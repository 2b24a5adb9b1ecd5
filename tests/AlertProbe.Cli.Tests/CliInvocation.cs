using AlertProbe.Testing;

namespace AlertProbe.Cli.Tests;

/// <summary>Runs <c>alertprobe</c> in-process with captured output, an isolated environment and the repository as working directory.</summary>
internal sealed record CliInvocation(int ExitCode, string Out, string Error)
{
    public static async Task<CliInvocation> RunAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext
        {
            Out = output,
            Error = error,
            Environment = environment ?? new Dictionary<string, string?>(),
            WorkingDirectory = RepositoryRoot.Path,
        };
        var exitCode = await AlertProbeCommand.InvokeAsync(args, context, CancellationToken.None);
        return new CliInvocation(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliInvocation> RunAsync(params string[] args) => RunAsync(null, args);
}
