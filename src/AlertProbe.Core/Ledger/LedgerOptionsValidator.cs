using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Ledger;

/// <summary>The data annotations of <see cref="LedgerOptions"/>, checked by generated code (no reflection).</summary>
[OptionsValidator]
internal sealed partial class LedgerOptionsValidator : IValidateOptions<LedgerOptions>;

/// <summary>What data annotations cannot say: a known kind, and exactly one way for Table Storage to connect.</summary>
internal sealed class LedgerConnectionValidator : IValidateOptions<LedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Kind))
        {
            failures.Add($"{LedgerOptions.SectionName}:Kind must be TableStorage or InMemory.");
        }

        if (options.Kind == LedgerKind.TableStorage)
        {
            var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
            var hasServiceUri = options.ServiceUri is not null;
            if (hasConnectionString == hasServiceUri)
            {
                failures.Add(
                    $"{LedgerOptions.SectionName}: set exactly one of {LedgerOptions.SectionName}:ConnectionString (e.g. UseDevelopmentStorage=true) " +
                    $"or {LedgerOptions.SectionName}:ServiceUri (managed identity); or {LedgerOptions.SectionName}:Kind=InMemory for a single process.");
            }

            if (hasServiceUri && options.ServiceUri is { IsAbsoluteUri: false } or { Scheme: not ("https" or "http") })
            {
                failures.Add($"{LedgerOptions.SectionName}:ServiceUri must be an absolute http(s) URI.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
