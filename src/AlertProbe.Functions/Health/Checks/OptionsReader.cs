using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AlertProbe.Functions.Health.Checks;

/// <summary>Resolves options the way the app does, turning validation and binding failures into messages.</summary>
internal static partial class OptionsReader
{
    public static OptionsReadResult<TOptions> Read<TOptions>(IOptionsMonitor<TOptions> monitor, string sectionName)
        where TOptions : class
    {
        try
        {
            return new OptionsReadResult<TOptions>(monitor.CurrentValue, []);
        }
        catch (OptionsValidationException exception)
        {
            return new OptionsReadResult<TOptions>(null, exception.Failures.ToList());
        }
        catch (InvalidOperationException exception)
        {
            // The binder could not convert a value (e.g. an unknown enum name). Its message may quote the value, so
            // only the setting path is kept.
            var path = BindingFailurePath().Match(exception.Message);
            var setting = path.Success ? path.Groups["path"].Value : sectionName;
            return new OptionsReadResult<TOptions>(null, [$"{setting} has a value that cannot be converted to the expected type."]);
        }
    }

    [GeneratedRegex("at '(?<path>[^']+)'")]
    private static partial Regex BindingFailurePath();
}
