using System.Reflection;
using System.Text.RegularExpressions;
using AlertProbe.Core.Outcomes;
using AlertProbe.Testing;

namespace AlertProbe.Core.Tests.Architecture;

/// <summary>
/// Dependencies inside Core point one way: the intake uses parsing, rules, policy, messages and the rest; none of them
/// uses the intake. What they share (rejections, the settlement outcome) lives in <c>AlertProbe.Core.Outcomes</c>,
/// which uses no other Core namespace. A new <c>using AlertProbe.Core.Intake</c> outside the intake fails here.
/// </summary>
public sealed partial class NamespaceDependencyTests
{
    private const string Intake = "AlertProbe.Core.Intake";
    private const string Outcomes = "AlertProbe.Core.Outcomes";

    private static readonly string CoreSource = RepositoryRoot.Combine("src", "AlertProbe.Core");

    [Fact]
    public void No_core_source_outside_the_intake_names_the_intake_namespace()
    {
        var offenders = SourcesOutside("Intake")
            .Where(file => IntakeReference().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(CoreSource, file))
            .ToList();

        Assert.True(offenders.Count == 0, "outside Intake, these name AlertProbe.Core.Intake: " + string.Join(", ", offenders));
    }

    [Fact]
    public void No_core_type_outside_the_intake_has_an_intake_type_in_its_signatures()
    {
        var offenders = typeof(Rejection).Assembly.GetTypes()
            .Where(type => type.Namespace is { } ns && ns != Intake && !ns.StartsWith(Intake + ".", StringComparison.Ordinal))
            .SelectMany(type => SignatureTypes(type).Where(IsIntake).Select(used => $"{type.FullName} uses {used.FullName}"))
            .Distinct()
            .ToList();

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void The_shared_outcomes_use_no_other_core_namespace()
    {
        var offenders = Directory.EnumerateFiles(Path.Combine(CoreSource, "Outcomes"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => CoreUsing().Matches(File.ReadAllText(file)).Select(match => $"{Path.GetFileName(file)}: {match.Value}"))
            .ToList();

        Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(CoreSource, "Outcomes"), "*.cs"));
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void The_shared_types_live_in_the_outcomes_namespace()
    {
        Assert.Equal(
            [Outcomes, Outcomes, Outcomes],
            new[] { typeof(Rejection), typeof(RejectionReasons), typeof(IntakeOutcome) }.Select(type => type.Namespace));
    }

    private static IEnumerable<string> SourcesOutside(string folder) =>
        Directory.EnumerateFiles(CoreSource, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => !Path.GetRelativePath(CoreSource, file).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private static bool IsIntake(Type type) =>
        type.Namespace is { } ns && (ns == Intake || ns.StartsWith(Intake + ".", StringComparison.Ordinal));

    /// <summary>Base types, interfaces, fields, properties, and method and constructor signatures, generic arguments unwrapped.</summary>
    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var direct = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            direct.Add(baseType);
        }

        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(All).Select(field => field.FieldType));
        direct.AddRange(type.GetProperties(All).Select(property => property.PropertyType));
        foreach (var method in type.GetMethods(All))
        {
            direct.Add(method.ReturnType);
            direct.AddRange(method.GetParameters().Select(parameter => parameter.ParameterType));
        }

        foreach (var constructor in type.GetConstructors(All))
        {
            direct.AddRange(constructor.GetParameters().Select(parameter => parameter.ParameterType));
        }

        return direct.SelectMany(Unwrap);
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            return Unwrap(element);
        }

        return type.IsGenericType ? [type, .. type.GetGenericArguments().SelectMany(Unwrap)] : [type];
    }

    [GeneratedRegex(@"\bAlertProbe\.Core\.Intake\b")]
    private static partial Regex IntakeReference();

    [GeneratedRegex(@"using\s+AlertProbe\.Core(\.\w+)*\s*;")]
    private static partial Regex CoreUsing();
}
