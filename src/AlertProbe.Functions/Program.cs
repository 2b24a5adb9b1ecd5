using AlertProbe.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Before anything else: a stand-in build must not start under a Functions host (see the guard's summary).
ServiceBusStandInGuard.ThrowIfStandInUnderFunctionsHost(ServiceBusStandInGuard.ServiceBusExtensionAssembly, Environment.GetEnvironmentVariable);

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Configuration.ResolveRulesPathAgainst(AppContext.BaseDirectory);
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights()
    .KeepInformationLogsInApplicationInsights();
builder.Services.AddAlertProbeFunctions(builder.Configuration);
builder.Build().Run();
