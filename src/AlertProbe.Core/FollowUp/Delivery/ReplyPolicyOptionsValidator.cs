using System.Globalization;
using AlertProbe.Core.Policy;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.FollowUp.Delivery;

/// <summary>Every host pattern must parse, and something must be allowed, or the host does not start.</summary>
internal sealed class ReplyPolicyOptionsValidator : IValidateOptions<ReplyPolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, ReplyPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.AllowedHosts.Count; i++)
        {
            if (!DomainPattern.TryParse(options.AllowedHosts[i], out _))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{ReplyPolicyOptions.SectionName}:{nameof(options.AllowedHosts)}:{i}: '{options.AllowedHosts[i]}' is not a host name or '*.domain' pattern"));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
