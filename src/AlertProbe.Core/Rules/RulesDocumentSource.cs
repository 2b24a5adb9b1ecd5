namespace AlertProbe.Core.Rules;

/// <summary>
/// Where the rules text comes from: a file (<see cref="FileRulesDocumentSource"/>) or a blob. Reading fails with <see cref="RulesDocumentUnavailableException"/> and a
/// message fit for an operator (no secrets).
/// </summary>
public abstract class RulesDocumentSource
{
    /// <summary>How errors and the health endpoint name the source: a path, or a blob's URI without its query.</summary>
    public abstract string Name { get; }

    /// <summary>"file" or "blob".</summary>
    public abstract string Kind { get; }

    /// <summary>Reads the whole document (start-up reads synchronously: options validation is synchronous).</summary>
    public abstract RulesDocument Read();

    /// <summary>The current version, without reading the text: the cheap check a reload poll makes.</summary>
    public abstract Task<string> GetVersionAsync(CancellationToken cancellationToken);

    public abstract Task<RulesDocument> ReadAsync(CancellationToken cancellationToken);
}
