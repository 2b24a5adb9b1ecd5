using AlertProbe.Core.FollowUp;
using AlertProbe.Core.FollowUp.Delivery;
using Microsoft.Extensions.Configuration;

namespace AlertProbe.Cli.Doctor;

/// <summary>
/// The reply policy is valid and allows the configured default destination (a verdict with no reply address of its
/// own goes there); addresses that requests bring are checked per message against the same policy.
/// </summary>
internal static class ReplyHostsCheck
{
    public const string Name = "replyHosts";

    public static DoctorResult Run(IConfiguration settings)
    {
        var policyOptions = new ReplyPolicyOptions();
        settings.GetSection(ReplyPolicyOptions.SectionName).Bind(policyOptions);
        ReplyPolicy policy;
        try
        {
            policy = new ReplyPolicy(policyOptions);
        }
        catch (InvalidOperationException exception)
        {
            return DoctorResult.Fail(Name, exception.Message, "Fix ReplyPolicy__AllowedHosts: host names or *.domain patterns only.");
        }

        var hosts = string.Join(", ", policyOptions.EffectiveHosts);
        var followUp = new FollowUpOptions();
        settings.GetSection(FollowUpOptions.SectionName).Bind(followUp);
        if (followUp.Delivery.DefaultDestination is not { } destination)
        {
            return DoctorResult.Pass(Name, $"no default destination; replies may go to: {(hosts.Length == 0 ? "(no host allowed)" : hosts)}.");
        }

        var described = ReplyDispatcher.Describe(destination);
        var refused = ReplyDispatcher.IsAllowed(destination.Url) ? policy.Check(destination) : new AlertProbe.Core.Outcomes.Rejection("ReplyDenied", "only http(s) destinations are allowed");
        return refused is null
            ? DoctorResult.Pass(Name, $"default destination ({described}) allowed; replies may go to: {hosts}.")
            : DoctorResult.Fail(Name, $"default destination ({described}) refused: {refused.Description}", "Add its host to ReplyPolicy__AllowedHosts (or correct FollowUp__Delivery__DefaultUrl); https only unless ReplyPolicy__AllowHttp.");
    }
}
