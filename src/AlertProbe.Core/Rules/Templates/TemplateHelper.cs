using System.Globalization;
using AlertProbe.Core.Planning;

namespace AlertProbe.Core.Rules.Templates;

/// <summary>
/// The pipe helpers, a closed set. Each takes the current value (null = missing) and returns the new one;
/// only <c>default</c> turns a missing value into a present one.
/// </summary>
internal sealed record TemplateHelper(string Name, string? Argument)
{
    public const string KnownHelpers = "host, port, scheme, hostport, url, lower, default \"value\"";

    private static readonly string[] Names = ["host", "port", "scheme", "hostport", "url", "lower", "default"];

    public static bool Exists(string name) => Names.Contains(name, StringComparer.Ordinal);

    public static bool TakesArgument(string name) => name == "default";

    /// <summary>Applies the helper. Returns an error text when the value is present but unusable.</summary>
    public string? Apply(string? value, out string? result)
    {
        result = null;
        if (Name == "default")
        {
            result = string.IsNullOrEmpty(value) ? Argument : value;
            return null;
        }

        if (value is null)
        {
            return null;
        }

        switch (Name)
        {
            case "lower":
                result = value.ToLowerInvariant();
                return null;
            case "url":
                result = value.Contains("://", StringComparison.Ordinal) ? value : "https://" + value;
                return null;
        }

        if (!TargetAddress.TryParse(value, out var address, out var error))
        {
            return $"'| {Name}' cannot read '{value}': {error}";
        }

        result = Name switch
        {
            "host" => address.Host,
            "port" => address.EffectivePort?.ToString(CultureInfo.InvariantCulture),
            "scheme" => address.Scheme,
            "hostport" => address.HostPort,
            _ => throw new InvalidOperationException($"Helper '{Name}' has no implementation."),
        };
        return null;
    }
}
