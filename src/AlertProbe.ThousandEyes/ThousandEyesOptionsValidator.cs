using AlertProbe.ThousandEyes.Authentication;
using Microsoft.Extensions.Options;

namespace AlertProbe.ThousandEyes;

/// <summary>
/// Cross-field rules of <see cref="ThousandEyesOptions"/>, with setting names in the messages. The credential
/// settings are checked by <see cref="ConfigurationCredentialValidator"/>, where that source is used.
/// </summary>
internal sealed class ThousandEyesOptionsValidator : IValidateOptions<ThousandEyesOptions>
{
    public ValidateOptionsResult Validate(string? name, ThousandEyesOptions options)
    {
        var failures = new List<string>();
        const string Section = ThousandEyesOptions.SectionName;

        if (options.BaseUrl is not { IsAbsoluteUri: true } baseUrl || baseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add($"{Section}:BaseUrl must be an absolute http(s) URL.");
        }
        else if (baseUrl.Scheme == "http" && !baseUrl.IsLoopback)
        {
            // Credentials travel in every request: plain http only to a local simulator.
            failures.Add($"{Section}:BaseUrl must use https (http is allowed for loopback addresses only).");
        }

        if (!Enum.IsDefined(options.ApiVersion))
        {
            failures.Add($"{Section}:ApiVersion must be v6 or v7.");
        }

        if (options.AuthScheme == ThousandEyesAuthScheme.Basic && options.ApiVersion == ThousandEyesApiVersion.V7)
        {
            failures.Add($"{Section}:AuthScheme basic is only supported by API v6; v7 takes bearer tokens only.");
        }

        if (options.TotalRequestTimeout <= options.RequestTimeout)
        {
            // The resilience handler refuses a total timeout that leaves no room for one attempt.
            failures.Add($"{Section}:TotalRequestTimeout ({options.TotalRequestTimeout}) must be longer than {Section}:RequestTimeout ({options.RequestTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
