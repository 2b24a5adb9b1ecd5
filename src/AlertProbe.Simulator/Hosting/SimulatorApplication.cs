using System.Net;
using AlertProbe.Simulator.Api;
using AlertProbe.Simulator.Api.V6;
using AlertProbe.Simulator.Api.V7;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlertProbe.Simulator.Hosting;

/// <summary>Wires the simulator's web host: loopback only, the request gate, then the v6 and v7 endpoints.</summary>
internal static class SimulatorApplication
{
    public static WebApplication Build(SimulatorOptions options, SimulatorState state)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorApplication).Assembly.GetName().Name,
            Args = [],
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(state);
        builder.Services.AddRouting();

        var app = builder.Build();
        app.UseMiddleware<RequestGate>();

        // Routing after the gate, so the gate's path clean-up (v6 ".json") is what gets matched.
        app.UseRouting();
        app.MapV6Endpoints();
        app.MapV7Endpoints();
        app.MapV7Snapshots();
        app.MapPathVisDetail();
        app.MapLocalProblems();
        app.MapMethodNotAllowed();
        app.MapFallback(ApiErrors.NotFoundFallback);
        return app;
    }

    public static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        var port = new Uri(addresses.Addresses.First()).Port;
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
