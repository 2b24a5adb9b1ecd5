using System.Globalization;

namespace AlertProbe.Core.Rules;

/// <summary>A rules file on disk; its version is the last write time and length, so a changed file is seen by a poll.</summary>
public sealed class FileRulesDocumentSource(string path) : RulesDocumentSource
{
    private readonly string path = path ?? throw new ArgumentNullException(nameof(path));

    public override string Name => path;

    public override string Kind => "file";

    public override RulesDocument Read()
    {
        try
        {
            // The version is taken before the text: a write in between shows as a change at the next poll, never missed.
            var version = VersionOf(new FileInfo(path));
            return new RulesDocument(File.ReadAllText(path), version);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RulesDocumentUnavailableException($"cannot read the rules file: {exception.Message}", exception);
        }
    }

    public override Task<string> GetVersionAsync(CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        return file.Exists
            ? Task.FromResult(VersionOf(file))
            : Task.FromException<string>(new RulesDocumentUnavailableException($"cannot read the rules file: '{path}' does not exist"));
    }

    public override Task<RulesDocument> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(Read());
        }
        catch (RulesDocumentUnavailableException exception)
        {
            return Task.FromException<RulesDocument>(exception);
        }
    }

    private static string VersionOf(FileInfo file)
    {
        if (!file.Exists)
        {
            throw new FileNotFoundException($"Could not find file '{file.FullName}'.", file.FullName);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{file.LastWriteTimeUtc.Ticks}:{file.Length}");
    }
}
