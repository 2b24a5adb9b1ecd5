namespace AlertProbe.Core.Rules;

/// <summary>The text of a rules file as read, and the version it was read at (an ETag, or a file's write time and length).</summary>
/// <param name="Text">The YAML.</param>
/// <param name="Version">Opaque; equal versions mean the same content, so an unchanged document is not parsed again.</param>
public sealed record RulesDocument(string Text, string Version);
