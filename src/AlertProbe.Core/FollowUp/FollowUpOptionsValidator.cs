using System.ComponentModel.DataAnnotations;
using AlertProbe.Core.FollowUp.Delivery;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp;

/// <summary>Checks the data annotations (nested sections too) and the rules between fields.</summary>
internal sealed class FollowUpOptionsValidator : IValidateOptions<FollowUpOptions>
{
    public ValidateOptionsResult Validate(string? name, FollowUpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Annotations(options, FollowUpOptions.SectionName, failures);
        Annotations(options.Thresholds, $"{FollowUpOptions.SectionName}:{nameof(FollowUpOptions.Thresholds)}", failures);
        Annotations(options.Delivery, $"{FollowUpOptions.SectionName}:{nameof(FollowUpOptions.Delivery)}", failures);

        if (options.CollectInitialDelay > options.CollectMaxDelay)
        {
            failures.Add($"{FollowUpOptions.SectionName}:CollectInitialDelay must not exceed CollectMaxDelay.");
        }

        if (options.CollectInitialDelay >= options.CollectDeadline)
        {
            failures.Add($"{FollowUpOptions.SectionName}:CollectInitialDelay must be shorter than CollectDeadline.");
        }

        var thresholds = options.Thresholds;
        if (thresholds is not null && thresholds.LossDegradedPercent > thresholds.LossFailingPercent)
        {
            failures.Add($"{FollowUpOptions.SectionName}:Thresholds:LossDegradedPercent must not exceed LossFailingPercent.");
        }

        var delivery = options.Delivery;
        if (delivery is not null)
        {
            if ((delivery.DefaultKind is null) != (delivery.DefaultUrl is null))
            {
                failures.Add($"{FollowUpOptions.SectionName}:Delivery:DefaultKind and DefaultUrl must be set together.");
            }

            if (delivery.DefaultUrl is { } url && !ReplyDispatcher.IsAllowed(url))
            {
                // The URL itself is a capability: it is not repeated in the message.
                failures.Add($"{FollowUpOptions.SectionName}:Delivery:DefaultUrl must be an absolute http(s) URL.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Annotations(object? section, string path, List<string> failures)
    {
        if (section is null)
        {
            failures.Add($"{path} is required.");
            return;
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{path}:{string.Join(',', r.MemberNames)}: {r.ErrorMessage}"));
        }
    }
}
