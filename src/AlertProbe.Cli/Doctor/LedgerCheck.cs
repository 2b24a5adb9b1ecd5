using AlertProbe.Core.Ledger;
using Azure;
using Microsoft.Extensions.Configuration;

namespace AlertProbe.Cli.Doctor;

/// <summary>The ledger's Table Storage answers with the app's identity (lists tables: read-only).</summary>
internal static class LedgerCheck
{
    public const string Name = "ledger";

    public static async Task<DoctorResult> RunAsync(IConfiguration settings, DoctorClients clients, CancellationToken cancellationToken)
    {
        var options = new LedgerOptions();
        settings.GetSection(LedgerOptions.SectionName).Bind(options);
        if (options.Kind == LedgerKind.InMemory)
        {
            return DoctorResult.Skip(Name, "Ledger__Kind is InMemory (a local run): nothing to reach.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString) && options.ServiceUri is null)
        {
            return DoctorResult.Fail(Name, "Table Storage is not configured.", "Set Ledger__ServiceUri (https://<account>.table.core.windows.net, with the identity) or Ledger__ConnectionString (UseDevelopmentStorage=true locally).");
        }

        var where = "Table Storage";
        try
        {
            var service = clients.TableService(string.IsNullOrWhiteSpace(options.ConnectionString) ? null : options.ConnectionString, options.ServiceUri, options.ClientId);
            where = options.ServiceUri is { } uri ? uri.Host : "the connection string's table endpoint";
            var tables = new List<string>();
            await foreach (var page in service.QueryAsync(filter: (string?)null, maxPerPage: 100, cancellationToken).AsPages(pageSizeHint: 100).ConfigureAwait(false))
            {
                tables.AddRange(page.Values.Select(table => table.Name).Where(name => name.StartsWith(options.TableNamePrefix, StringComparison.OrdinalIgnoreCase)));
                break;
            }

            return DoctorResult.Pass(Name, tables.Count == 0
                ? $"{where} reachable; no '{options.TableNamePrefix}*' table yet (the app creates them on first use{(options.CreateTables ? "" : ": Ledger__CreateTables is false, create them first")})."
                : $"{where} reachable; tables: {string.Join(", ", tables)}.");
        }
        catch (FormatException)
        {
            return DoctorResult.Fail(Name, "Ledger__ConnectionString is malformed.", "Copy the storage connection string again, or use Ledger__ServiceUri with the identity.");
        }
        catch (RequestFailedException exception) when (exception.Status is 401 or 403)
        {
            return DoctorResult.Fail(Name, $"Table Storage refused the identity ({exception.Status}).", "Grant 'Storage Table Data Contributor' on the storage account to the identity.");
        }
        catch (Exception exception) when (exception is RequestFailedException or Azure.Identity.AuthenticationFailedException or HttpRequestException or AggregateException)
        {
            return DoctorResult.Fail(Name, $"Table Storage did not answer: {exception.GetType().Name}.", "Check Ledger__ServiceUri / Ledger__ConnectionString, and locally that Azurite runs (npx azurite-table).");
        }
    }
}
