using AlertProbe.Core.Messages;
using Azure;
using Azure.Messaging.ServiceBus;
using Azure.Messaging.ServiceBus.Administration;
using Microsoft.Extensions.Configuration;

namespace AlertProbe.Cli.Doctor;

/// <summary>
/// The entities the app uses exist, and the two subscriptions filter as the functions assume (<c>collect = TRUE</c>,
/// <c>rerun = TRUE</c>, as infra/modules/servicebus.bicep creates them) with no catch-all rule beside. Read-only
/// (Service Bus administration reads: the identity needs the Manage right, e.g. 'Azure Service Bus Data Owner').
/// </summary>
internal static class ServiceBusCheck
{
    public const string Name = "serviceBus";

    public static async Task<DoctorResult> RunAsync(IConfiguration settings, DoctorClients clients, CancellationToken cancellationToken)
    {
        var names = new MessagingOptions();
        settings.GetSection(MessagingOptions.SectionName).Bind(names);
        var section = settings.GetSection(MessagingServiceCollectionExtensions.ConnectionSectionName);
        var connectionString = FirstNonEmpty(settings.GetConnectionString("ServiceBus"), section.Value);
        var fullyQualifiedNamespace = section["fullyQualifiedNamespace"];
        if (connectionString is null && string.IsNullOrWhiteSpace(fullyQualifiedNamespace))
        {
            return DoctorResult.Fail(Name, "Service Bus is not configured.", "Set ServiceBus__fullyQualifiedNamespace (<namespace>.servicebus.windows.net) or a ServiceBus connection string.");
        }

        string host;
        try
        {
            host = connectionString is null ? fullyQualifiedNamespace! : ServiceBusConnectionStringProperties.Parse(connectionString).Endpoint.Host;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            return DoctorResult.Fail(Name, "the ServiceBus connection string is malformed.", "Copy the connection string again from the namespace's shared access policies.");
        }

        var admin = clients.ServiceBusAdministration(connectionString, fullyQualifiedNamespace, section["clientId"]);
        var problems = new List<string>();
        try
        {
            if (!(await admin.QueueExistsAsync(names.AlertsQueueName, cancellationToken).ConfigureAwait(false)).Value)
            {
                problems.Add($"queue '{names.AlertsQueueName}' missing");
            }

            foreach (var topic in new[] { names.InstantTestsTopicName, names.TestResultsTopicName })
            {
                if (!(await admin.TopicExistsAsync(topic, cancellationToken).ConfigureAwait(false)).Value)
                {
                    problems.Add($"topic '{topic}' missing");
                }
            }

            if (problems.Count == 0)
            {
                await CheckFilterAsync(admin, names.InstantTestsTopicName, names.CollectSubscriptionName, "collect = TRUE", problems, cancellationToken).ConfigureAwait(false);
                await CheckFilterAsync(admin, names.InstantTestsTopicName, names.RerunSubscriptionName, "rerun = TRUE", problems, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (UnauthorizedAccessException)
        {
            return DoctorResult.Fail(Name, $"{host} refused to describe its entities.", "Reading entities needs the Manage right: give the identity 'Azure Service Bus Data Owner' on the namespace (read-only use), or run with one that has it.");
        }
        catch (Exception exception) when (exception is ServiceBusException or RequestFailedException or Azure.Identity.AuthenticationFailedException or HttpRequestException)
        {
            return DoctorResult.Fail(Name, $"could not reach {host}: {exception.GetType().Name}.", "Check the namespace name and that this machine can sign in (az login) and reach it.");
        }

        return problems.Count == 0
            ? DoctorResult.Pass(Name, $"{host}: '{names.AlertsQueueName}', '{names.InstantTestsTopicName}' (collect, rerun filters as expected), '{names.TestResultsTopicName}'.")
            : DoctorResult.Fail(Name, $"{host}: {string.Join("; ", problems)}.", "Deploy the entities and rules of infra/modules/servicebus.bicep (azd provision), or set the Messaging__* names to the ones that exist.");
    }

    private static async Task CheckFilterAsync(ServiceBusAdministrationClient admin, string topic, string subscription, string expected, List<string> problems, CancellationToken cancellationToken)
    {
        if (!(await admin.SubscriptionExistsAsync(topic, subscription, cancellationToken).ConfigureAwait(false)).Value)
        {
            problems.Add($"subscription '{topic}/{subscription}' missing");
            return;
        }

        var rules = new List<RuleProperties>();
        await foreach (var rule in admin.GetRulesAsync(topic, subscription, cancellationToken).ConfigureAwait(false))
        {
            rules.Add(rule);
        }

        var matching = rules.Any(rule => rule.Filter is SqlRuleFilter sql && Normalize(sql.SqlExpression) == Normalize(expected));
        var catchAll = rules.Where(rule => rule.Filter is TrueRuleFilter || (rule.Filter is SqlRuleFilter sql && Normalize(sql.SqlExpression) is "1=1" or "TRUE")).Select(rule => rule.Name).ToList();
        if (!matching)
        {
            problems.Add($"'{topic}/{subscription}' has no rule '{expected}' (has: {(rules.Count == 0 ? "none" : string.Join(", ", rules.Select(Describe)))})");
        }

        if (catchAll.Count > 0)
        {
            problems.Add($"'{topic}/{subscription}' also takes every message (rule {string.Join(", ", catchAll)}): remove it");
        }
    }

    private static string Describe(RuleProperties rule) => rule.Filter is SqlRuleFilter sql ? $"{rule.Name}: {sql.SqlExpression}" : $"{rule.Name}: {rule.Filter.GetType().Name}";

    // Spacing and case do not change a SQL filter's meaning here ("collect = TRUE" is "COLLECT=TRUE").
    private static string Normalize(string expression) => string.Concat(expression.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
