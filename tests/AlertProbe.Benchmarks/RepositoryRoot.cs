using System.Reflection;

namespace AlertProbe.Benchmarks;

/// <summary>
/// Finds the repository root (the folder holding Functions.sln), where the sample payloads and rules live.
/// BenchmarkDotNet runs the benchmarks from a generated project in another folder, so the path is recorded
/// in the assembly at build time, with a walk up from the running assembly as the fallback.
/// </summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        var recorded = typeof(RepositoryRoot).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(System.IO.Path.Combine(recorded, "Functions.sln")))
        {
            return recorded;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Functions.sln above {AppContext.BaseDirectory}: run the benchmarks from the repository.");
    }
}
