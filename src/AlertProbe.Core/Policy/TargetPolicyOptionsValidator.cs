using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Policy;

/// <summary>Every domain pattern and CIDR block must parse, or the host does not start.</summary>
internal sealed class TargetPolicyOptionsValidator : IValidateOptions<TargetPolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, TargetPolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckDomains(nameof(options.AllowDomains), options.AllowDomains, failures);
        CheckDomains(nameof(options.DenyDomains), options.DenyDomains, failures);
        CheckCidrs(nameof(options.AllowCidrs), options.AllowCidrs, failures);
        CheckCidrs(nameof(options.DenyCidrs), options.DenyCidrs, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckDomains(string setting, IList<string> values, List<string> failures)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!DomainPattern.TryParse(values[i], out _))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{TargetPolicyOptions.SectionName}:{setting}:{i}: '{values[i]}' is not a host name or '*.domain' pattern"));
            }
        }
    }

    private static void CheckCidrs(string setting, IList<string> values, List<string> failures)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (!CidrBlock.TryParse(values[i], out _))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{TargetPolicyOptions.SectionName}:{setting}:{i}: '{values[i]}' is not a CIDR block (address/prefix, no bits set after the prefix)"));
            }
        }
    }
}
