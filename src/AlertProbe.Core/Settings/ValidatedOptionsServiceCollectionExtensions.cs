using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AlertProbe.Core.Settings;

/// <summary>The one way Core registers an options type: bound from its section, validated at start-up, idempotent.</summary>
public static class ValidatedOptionsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and validates it at start-up with
    /// <typeparamref name="TValidator"/>, a source-generated <c>[OptionsValidator]</c> (data annotations, nested sections
    /// through <c>[ValidateObjectMembers]</c>), whose failures are given the setting's key
    /// (<see cref="SectionKeyedValidator{TOptions, TValidator}"/>). Rules data annotations cannot say are further
    /// validators (<see cref="AddOptionsValidator{TOptions, TValidator}"/>). The binding and the validators are added
    /// with TryAddEnumerable, so a second call registers neither twice; <c>ValidateOnStart</c>'s own entry is keyed by the
    /// options type, so a repeat only replaces it.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfigurationSection section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.TryAddSingleton<TValidator>();
        var path = section.Path;
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, SectionKeyedValidator<TOptions, TValidator>>(
            provider => new SectionKeyedValidator<TOptions, TValidator>(provider.GetRequiredService<TValidator>(), path)));
        return services.AddBoundOptions<TOptions>(section);
    }

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and runs its validators at start-up, for an
    /// options type without data annotations (its rules are <see cref="AddOptionsValidator{TOptions, TValidator}"/>s).
    /// Added with TryAddEnumerable: a second call binds nothing twice (lists are not repeated).
    /// </summary>
    public static OptionsBuilder<TOptions> AddBoundOptions<TOptions>(this IServiceCollection services, IConfigurationSection section)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOptionsChangeTokenSource<TOptions>>(
            new ConfigurationChangeTokenSource<TOptions>(Options.DefaultName, section)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<TOptions>>(
            new NamedConfigureFromConfigurationOptions<TOptions>(Options.DefaultName, section)));
        return services.AddOptions<TOptions>().ValidateOnStart();
    }

    /// <summary>A further validator of <typeparamref name="TOptions"/> (a rule across fields or settings), added once.</summary>
    public static IServiceCollection AddOptionsValidator<TOptions, TValidator>(this IServiceCollection services)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services;
    }
}

/// <summary>
/// Runs a generated validator and names each failure by its setting's key: the generator reports
/// <c>Member: The field Type.Member …</c> (<c>Nested.Member</c> for a nested section), this reports
/// <c>Section:Member: The field Type.Member …</c> (<c>Section:Nested:Member</c>), the key an operator sets.
/// </summary>
public sealed class SectionKeyedValidator<TOptions, TValidator>(TValidator inner, string sectionPath) : IValidateOptions<TOptions>
    where TOptions : class
    where TValidator : class, IValidateOptions<TOptions>
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var result = inner.Validate(name, options);
        return result.Failed
            ? ValidateOptionsResult.Fail(result.Failures.Select(Keyed))
            : result;
    }

    private string Keyed(string failure)
    {
        var colon = failure.IndexOf(": ", StringComparison.Ordinal);
        return colon <= 0
            ? $"{sectionPath}: {failure}"
            : $"{sectionPath}:{failure[..colon].Replace('.', ':')}{failure[colon..]}";
    }
}
