using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Rules;

/// <summary>Loads the configured rules file at start-up, so a broken file stops the host with file:line messages.</summary>
internal sealed class RulesOptionsValidator : IValidateOptions<RulesOptions>
{
    public ValidateOptionsResult Validate(string? name, RulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Success;
        }

        var result = RuleSetLoader.LoadFile(options.Path);
        return result.IsSuccess
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(result.Errors.Select(error => $"{RulesOptions.SectionName}:Path: {error}"));
    }
}
