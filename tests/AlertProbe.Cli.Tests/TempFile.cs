namespace AlertProbe.Cli.Tests;

/// <summary>A file under the temp folder that is deleted when disposed.</summary>
internal sealed class TempFile : IDisposable
{
    private TempFile(string path) => Path = path;

    public string Path { get; }

    public static TempFile With(string content, string extension = ".json")
    {
        var file = new TempFile(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"alertprobe-cli-test-{Guid.NewGuid():N}{extension}"));
        File.WriteAllText(file.Path, content);
        return file;
    }

    public void Dispose() => File.Delete(Path);
}
