using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Messages;

/// <summary>The data annotations of <see cref="MessagingOptions"/>, checked by generated code (no reflection).</summary>
[OptionsValidator]
internal sealed partial class MessagingOptionsValidator : IValidateOptions<MessagingOptions>;

/// <summary>What data annotations cannot say: a known transport, and the two topics (and subscriptions) are distinct entities.</summary>
internal sealed class MessagingEntitiesValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
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
