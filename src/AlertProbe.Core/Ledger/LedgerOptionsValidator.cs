using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Ledger;

/// <summary>Checks the data annotations, and that Table Storage has exactly one way to connect.</summary>
internal sealed class LedgerOptionsValidator : IValidateOptions<LedgerOptions>
{
    public ValidateOptionsResult Validate(string? name, LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{LedgerOptions.SectionName}:{string.Join(',', r.MemberNames)}: {r.ErrorMessage}"));
        }

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
