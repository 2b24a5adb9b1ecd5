using System.Diagnostics;
using System.Globalization;
using AlertProbe.Core.Intake;
using AlertProbe.Functions.Hosting;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AlertProbe.Benchmarks.Startup;

/// <summary>
/// One cold start, in a process of its own (<c>startup probe empty|app</c>): a FunctionsApplication builder as
/// Program.cs makes it, built, start-up validation run (what ValidateOnStart does when the host starts) and a first
/// resolve. <c>empty</c> registers nothing of the app and resolves the configuration; <c>app</c> registers
/// <c>AddAlertProbeFunctions</c> and resolves the intake handler. Prints milliseconds since the process started
/// and since this method began.
/// </summary>
public static class StartupProbe
{
    public static int Run(string mode)
    {
        var sinceMain = Stopwatch.StartNew();
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.ConfigureFunctionsWebApplication();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ThousandEyes:BaseUrl"] = "http://127.0.0.1:5080/",
            ["ThousandEyes:BearerToken"] = "startup-probe-token",
            ["ServiceBus:fullyQualifiedNamespace"] = "sb-alertprobe-probe.servicebus.windows.net",
            ["Ledger:ConnectionString"] = "UseDevelopmentStorage=true",
        });
        if (mode == "app")
        {
            builder.Services.AddAlertProbeFunctions(builder.Configuration);
        }

        using var host = builder.Build();
        host.Services.GetService<IStartupValidator>()?.Validate();
        object resolved = mode == "app"
            ? host.Services.GetRequiredService<AlertIntakeHandler>()
            : host.Services.GetRequiredService<IConfiguration>();
        GC.KeepAlive(resolved);
        var inProcess = sinceMain.Elapsed;
        var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sinceStart.TotalMilliseconds:F1} {inProcess.TotalMilliseconds:F1}"));
        return 0;
    }
}
