using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace AlertProbe.Cli.Doctor;

/// <summary>
/// The app's settings as the Functions host sees them: a local.settings.json-style file's <c>Values</c> (and
/// <c>ConnectionStrings</c>), then the environment over them (the host does not override a variable already set),
/// with <c>__</c> meaning <c>:</c> in both.
/// </summary>
internal static class DoctorSettings
{
    public static IConfigurationRoot Build(CliContext context, string? settingsPath, out string? error)
    {
        ArgumentNullException.ThrowIfNull(context);
        error = null;
        var fromFile = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (settingsPath is not null)
        {
            var full = context.ResolvePath(settingsPath);
            if (!File.Exists(full))
            {
                error = $"settings file not found: {settingsPath}";
                return new ConfigurationBuilder().Build();
            }

            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(full), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                Read(document.RootElement, "Values", prefix: null, fromFile);
                Read(document.RootElement, "ConnectionStrings", prefix: "ConnectionStrings", fromFile);
            }
            catch (JsonException exception)
            {
                // The reader names the position, never the content (the file holds secrets).
                error = $"{settingsPath} is not valid JSON: {exception.Message}";
                return new ConfigurationBuilder().Build();
            }
        }

        var environment = context.Environment.ToDictionary(
            entry => entry.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal),
            entry => entry.Value,
            StringComparer.OrdinalIgnoreCase);
        return new ConfigurationBuilder().AddInMemoryCollection(fromFile).AddInMemoryCollection(environment).Build();
    }

    private static void Read(JsonElement root, string property, string? prefix, Dictionary<string, string?> into)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(property, out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var entry in values.EnumerateObject())
        {
            var key = entry.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
            into[prefix is null ? key : $"{prefix}:{key}"] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString() : entry.Value.GetRawText();
        }
    }
}
