using System.Diagnostics;
using System.Globalization;

namespace AlertProbe.Benchmarks.Startup;

/// <summary>
/// <c>startup [--runs N]</c>: cold starts, each in a new process, alternating with their baseline so load drifts
/// hit both alike; medians and ratios. (1) the Functions app's service provider with start-up validation and a first
/// resolve vs an empty FunctionsApplication (<see cref="StartupProbe"/>); (2) <c>alertprobe map</c> of a sample vs
/// a hello-world console app, both started with <c>dotnet &lt;dll&gt;</c> (the hello-world app is written and built
/// in a temporary folder by this command; the CLI must be built: <c>dotnet build -c Release src/AlertProbe.Cli</c>).
/// </summary>
public static class StartupBenchmarkCommand
{
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["probe", var mode])
        {
            return StartupProbe.Run(mode);
        }

        var runs = args is ["--runs", var text] && int.TryParse(text, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 7;
        var self = typeof(StartupBenchmarkCommand).Assembly.Location;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"startup benchmark: {runs} cold starts of each, alternating; load average {LoadAverage()}"));

        var empty = new List<double[]>();
        var app = new List<double[]>();
        for (var i = 0; i < runs; i++)
        {
            empty.Add(Probe(self, "empty"));
            app.Add(Probe(self, "app"));
        }

        Report("Functions provider + ValidateOnStart + first resolve (since process start)", Median(app, 0), "empty FunctionsApplication", Median(empty, 0));
        Report("Functions provider + ValidateOnStart + first resolve (builder to resolve)", Median(app, 1), "empty FunctionsApplication", Median(empty, 1));

        var cli = Path.Combine(RepositoryRoot.Path, "artifacts", "bin", "AlertProbe.Cli", "release", "alertprobe.dll");
        if (!File.Exists(cli))
        {
            Console.WriteLine($"alertprobe map: not measured, {cli} is missing (dotnet build -c Release src/AlertProbe.Cli)");
            return 0;
        }

        var hello = BuildHelloWorld();
        var sample = RepositoryRoot.Combine("samples", "alerts", "grafana.json");
        var helloTimes = new List<double>();
        var mapTimes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            helloTimes.Add(WallTime(hello));
            mapTimes.Add(WallTime(cli, "map", sample, "--rules", RepositoryRoot.Combine("samples", "rules.yaml")));
        }

        Report("alertprobe map samples/alerts/grafana.json --rules samples/rules.yaml (process wall time)", Median(mapTimes), "hello-world console", Median(helloTimes));
        return 0;
    }

    private static double[] Probe(string self, string mode)
    {
        var (output, _) = Execute(self, "startup", "probe", mode);
        return [.. output.Trim().Split(' ').Select(part => double.Parse(part, CultureInfo.InvariantCulture))];
    }

    private static double WallTime(string dll, params string[] arguments)
    {
        var watch = Stopwatch.StartNew();
        Execute(dll, arguments);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static (string Output, int ExitCode) Execute(string dll, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start dotnet {dll}");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode is not (0 or 3))
        {
            throw new InvalidOperationException($"dotnet {dll} {string.Join(' ', arguments)} exited {process.ExitCode}: {error.Result}");
        }

        return (output, process.ExitCode);
    }

    private static string BuildHelloWorld()
    {
        var folder = Path.Combine(Path.GetTempPath(), "alertprobe-hello-world");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "hello.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType>"
            + $"<TargetFramework>net{Environment.Version.Major}.{Environment.Version.Minor}</TargetFramework>"
            + "<ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(folder, "Program.cs"), "Console.WriteLine(\"hello, world\");\n");
        var output = Path.Combine(folder, "out");
        var build = new ProcessStartInfo("dotnet", ["build", "-c", "Release", "-o", output, folder]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(build)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? Path.Combine(output, "hello.dll") : throw new InvalidOperationException("the hello-world app did not build");
    }

    private static void Report(string measured, double value, string baseline, double baselineValue) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {measured} | {value:F0} ms | {baseline} | {baselineValue:F0} ms | {value / baselineValue:F2}x |"));

    private static double Median(List<double[]> samples, int column) => Median(samples.Select(sample => sample[column]).ToList());

    private static double Median(List<double> samples)
    {
        var sorted = samples.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
