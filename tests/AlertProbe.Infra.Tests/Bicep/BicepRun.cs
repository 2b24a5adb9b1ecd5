namespace AlertProbe.Infra.Tests.Bicep;

/// <summary>The outcome of one bicep CLI call. Bicep writes diagnostics (warnings, errors) to standard error.</summary>
internal sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe() => $"exit code {ExitCode}; stderr: {StandardError.Trim()}";
}
