using AlertProbe.Functions.Hosting;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// Before anything else: a stand-in build must not start under a Functions host (see the guard's summary).
ServiceBusStandInGuard.ThrowIfStandInUnderFunctionsHost(ServiceBusStandInGuard.ServiceBusExtensionAssembly, Environment.GetEnvironmentVariable);

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<IngressSpanMiddleware>();
builder.Configuration.ResolveRulesPathAgainst(AppContext.BaseDirectory);
builder.Services.AddAlertProbeFunctions(builder.Configuration);

// After the features: it instruments them. Exports to Azure Monitor (traces, metrics, logs) when the connection
// string is set; the Application Insights SDK is not used, so nothing is sent twice.
builder.Services.AddAlertProbeOpenTelemetry(builder.Configuration);
builder.Build().Run();
