using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Rules;

/// <summary>
/// Loads the configured rules at start-up, so a broken file stops the host with file:line messages. The load goes
/// through the <see cref="RuleSetProvider"/>, so the rules validated here are the very rules the planner uses: the
/// document is read and parsed once.
/// </summary>
internal sealed class RulesOptionsValidator(RuleSetProvider provider) : IValidateOptions<RulesOptions>
{
    public ValidateOptionsResult Validate(string? name, RulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = provider.Initialize(options);
        var setting = options.Blob.IsConfigured ? nameof(RulesOptions.Blob) : nameof(RulesOptions.Path);
        return result.IsSuccess
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(result.Errors.Select(error => $"{RulesOptions.SectionName}:{setting}: {error}"));
    }
}
