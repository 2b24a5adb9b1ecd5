using System.Collections;
using System.Reflection;
using AlertProbe.Functions.Hosting;
using AlertProbe.ThousandEyes;
using AlertProbe.ThousandEyes.Authentication;

namespace AlertProbe.Functions.Tests.Hosting;

/// <summary>
/// Every setting the app binds, found by reflection rather than listed by hand: each options class (a type with a
/// <c>public const string SectionName</c>) in the assemblies the Functions app loads, walked the way
/// ConfigurationBinder walks it — scalar properties are keys, nested classes are sub-sections, lists and
/// dictionaries take an index or a name after the key. Keys are written as app settings are, with "__".
/// </summary>
internal static class BoundSettings
{
    private static readonly Assembly[] AppAssemblies =
    [
        typeof(AlertProbeFunctionsServiceCollectionExtensions).Assembly,
        typeof(AlertProbe.Core.Intake.IntakeOptions).Assembly,
        typeof(ThousandEyesOptions).Assembly,
    ];

    public static IReadOnlyList<Type> OptionsTypes { get; } = AppAssemblies
        .SelectMany(assembly => assembly.GetExportedTypes())
        .Where(type => SectionOf(type) is not null)
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Every key, with <see cref="BoundSetting.IsPrefix"/> for lists and dictionaries (<c>Key__0</c>, <c>Key__name</c>).</summary>
    public static IReadOnlyList<BoundSetting> All { get; } = OptionsTypes
        .SelectMany(type => Walk(SectionOf(type)!.Replace(":", "__", StringComparison.Ordinal), type, depth: 0))
        .Concat(CredentialKeys())
        .Distinct()
        .OrderBy(setting => setting.Key, StringComparer.Ordinal)
        .ToList();

    private static string? SectionOf(Type type) =>
        type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? (string?)field.GetRawConstantValue() : null;

    // ConfigurationCredentialSource reads ThousandEyes:BearerToken / Email / BasicToken straight from the section.
    private static IEnumerable<BoundSetting> CredentialKeys() => typeof(ConfigurationCredentialSource)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.Name.EndsWith("Key", StringComparison.Ordinal))
        .Select(field => new BoundSetting($"{ThousandEyesOptions.SectionName}__{field.GetRawConstantValue()}", IsPrefix: false));

    private static IEnumerable<BoundSetting> Walk(string prefix, Type type, int depth)
    {
        Assert.True(depth < 5, $"Options nesting deeper than expected at {prefix}.");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var key = $"{prefix}__{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var writable = property.SetMethod is { IsPublic: true };

            // The binder fills a get-only property's value in place; a computed one (no backing field) binds nothing.
            if (!writable && type.GetField($"<{property.Name}>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance) is null)
            {
                continue;
            }

            if (IsScalar(propertyType))
            {
                if (writable)
                {
                    yield return new BoundSetting(key, IsPrefix: false);
                }
            }
            else if (propertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                // The binder fills a list or dictionary through its getter too.
                yield return new BoundSetting(key, IsPrefix: true);
            }
            else if (propertyType.IsClass)
            {
                foreach (var nested in Walk(key, propertyType, depth + 1))
                {
                    yield return nested;
                }
            }
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(Uri) || type == typeof(DateTimeOffset) || type == typeof(Guid);
}
