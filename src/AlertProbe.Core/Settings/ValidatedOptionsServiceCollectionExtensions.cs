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
    /// <typeparamref name="TValidator"/> (a source-generated <c>[OptionsValidator]</c>, or a small
    /// <see cref="IValidateOptions{TOptions}"/> for rules data annotations cannot say), through
    /// <c>AddOptionsWithValidateOnStart</c>. The binding and the validator are added with TryAddEnumerable, so a second
    /// call binds nothing twice; <c>ValidateOnStart</c>'s own entry is keyed by the options type, so a repeat replaces it.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOptionsChangeTokenSource<TOptions>>(
            new ConfigurationChangeTokenSource<TOptions>(Options.DefaultName, section)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<TOptions>>(
            new NamedConfigureFromConfigurationOptions<TOptions>(Options.DefaultName, section)));
        return services.AddOptionsWithValidateOnStart<TOptions, TValidator>();
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
