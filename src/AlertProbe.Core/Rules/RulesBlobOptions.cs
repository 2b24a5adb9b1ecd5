namespace AlertProbe.Core.Rules;

/// <summary>The rules blob (section <c>Rules:Blob</c>): configured when <see cref="ServiceUri"/> or <see cref="ConnectionString"/> is set.</summary>
public sealed class RulesBlobOptions
{
    /// <summary>The Blob service endpoint, e.g. <c>https://account.blob.core.windows.net</c>, read with managed identity.</summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>A storage connection string (Azurite locally). A secret: never log it.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Client id of a user-assigned managed identity (with <see cref="ServiceUri"/>); unset: <c>DefaultAzureCredential</c>.</summary>
    public string? ClientId { get; set; }

    public string ContainerName { get; set; } = "rules";

    public string BlobName { get; set; } = "alertprobe.rules.yaml";

    public bool IsConfigured => ServiceUri is not null || !string.IsNullOrWhiteSpace(ConnectionString);
}
