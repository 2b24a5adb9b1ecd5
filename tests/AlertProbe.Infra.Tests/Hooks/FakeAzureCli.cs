namespace AlertProbe.Infra.Tests.Hooks;

/// <summary>
/// A stand-in `az` on PATH for the azd hooks: it knows the rules of Service Bus subscriptions (a file per
/// subscription, one rule name a line), answers `rule list --query "[].name" -o tsv` and `rule delete`, and
/// logs every call. Anything else fails, so a hook that calls more than it should is caught.
/// </summary>
internal sealed class FakeAzureCli : IDisposable
{
    private const string Script = """
        #!/bin/sh
        state="$FAKE_AZ_STATE"
        echo "$*" >> "$state/calls"
        verb="$1 $2 $3 $4 $5"
        topic=""; subscription=""; name=""
        while [ $# -gt 0 ]; do
          case "$1" in
            --topic-name) topic=$2; shift ;;
            --subscription-name) subscription=$2; shift ;;
            --name) name=$2; shift ;;
          esac
          shift
        done
        file="$state/rules/$topic/$subscription"
        if [ ! -f "$file" ]; then echo "ERROR: subscription $topic/$subscription not found" >&2; exit 3; fi
        case "$verb" in
          "servicebus topic subscription rule list") cat "$file" ;;
          "servicebus topic subscription rule delete")
            grep -Fqx -- "$name" "$file" || { echo "ERROR: rule $name not found" >&2; exit 3; }
            grep -Fvx -- "$name" "$file" > "$file.new" || true
            mv "$file.new" "$file" ;;
          *) echo "ERROR: the fake az does not know: $verb" >&2; exit 2 ;;
        esac

        """;

    private readonly string _root;

    public FakeAzureCli()
    {
        _root = Path.Combine(Path.GetTempPath(), "alertprobe-fake-az-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_root, "bin"));
        Directory.CreateDirectory(Path.Combine(_root, "rules"));
        var az = Path.Combine(_root, "bin", "az");
        File.WriteAllText(az, Script);
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The azd posix hooks are tested with sh on Linux or macOS.");
        }

        File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(_root, "calls"), "");
    }

    public string BinDirectory => Path.Combine(_root, "bin");

    public string StateDirectory => _root;

    public IReadOnlyList<string> Calls => File.ReadAllLines(Path.Combine(_root, "calls"));

    public void Subscription(string topic, string subscription, params string[] rules)
    {
        Directory.CreateDirectory(Path.Combine(_root, "rules", topic));
        File.WriteAllLines(Path.Combine(_root, "rules", topic, subscription), rules);
    }

    public IReadOnlyList<string> Rules(string topic, string subscription) =>
        File.ReadAllLines(Path.Combine(_root, "rules", topic, subscription)).Where(line => line.Length > 0).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
