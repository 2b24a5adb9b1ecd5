using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Messages;

/// <summary>Checks the data annotations and that the two topics are distinct entities.</summary>
internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{MessagingOptions.SectionName}:{string.Join(',', r.MemberNames)}: {r.ErrorMessage}"));
        }

        if (!Enum.IsDefined(options.Transport))
        {
            failures.Add($"{MessagingOptions.SectionName}:Transport must be ServiceBus or InMemory.");
        }

        if (string.Equals(options.InstantTestsTopicName, options.TestResultsTopicName, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{MessagingOptions.SectionName}:InstantTestsTopicName and TestResultsTopicName must name different topics.");
        }

        if (string.Equals(options.CollectSubscriptionName, options.RerunSubscriptionName, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{MessagingOptions.SectionName}:CollectSubscriptionName and RerunSubscriptionName must name different subscriptions.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
