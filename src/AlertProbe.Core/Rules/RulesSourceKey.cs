namespace AlertProbe.Core.Rules;

/// <summary>Which document a <see cref="RulesOptions"/> names, as a comparable key ("default", "file:…", "blob:…").</summary>
internal static class RulesSourceKey
{
    public static string Of(RulesOptions options) =>
        options.Blob.IsConfigured ? $"blob:{options.Blob.ServiceUri}|{options.Blob.ContainerName}/{options.Blob.BlobName}"
        : string.IsNullOrWhiteSpace(options.Path) ? "default"
        : "file:" + options.Path;
}
