using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.RateLimiting;

internal sealed class RateBudgetOptionsValidator : IValidateOptions<RateBudgetOptions>
{
    public ValidateOptionsResult Validate(string? name, RateBudgetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(results.Select(r => $"{RateBudgetOptions.SectionName}:{string.Join(',', r.MemberNames)}: {r.ErrorMessage}"));
    }
}
