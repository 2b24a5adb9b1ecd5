namespace AlertProbe.Functions.Tests.Build;

internal sealed record DotnetRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;
}
