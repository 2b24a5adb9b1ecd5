using System.Globalization;

namespace AlertProbe.Cli.Output;

/// <summary>
/// Progress on standard error while a command waits: when standard error is a terminal (and <c>NO_COLOR</c> is not
/// set), one live status line redrawn in place with a countdown; otherwise a plain heartbeat line every
/// <see cref="HeartbeatInterval"/>, so a long wait in a pipeline's log is never silent. Standard output stays clean.
/// </summary>
internal sealed class ProgressDisplay : IDisposable
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RedrawInterval = TimeSpan.FromSeconds(1);
    private static readonly string[] Frames = ["-", "\\", "|", "/"];

    private readonly TextWriter _error;
    private readonly bool _live;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private string? _status;
    private DateTimeOffset? _until;
    private int _frame;
    private bool _drawn;
    private bool _disposed;

    private ProgressDisplay(TextWriter error, bool live, TimeProvider clock)
    {
        _error = error;
        _live = live;
        _clock = clock;
        _started = clock.GetTimestamp();
        var period = live ? RedrawInterval : HeartbeatInterval;
        _timer = clock.CreateTimer(_ => Tick(), null, period, period);
    }

    /// <summary>Live when standard error is a terminal and colour is allowed, else heartbeat lines.</summary>
    public static ProgressDisplay For(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ProgressDisplay(context.Error, context.ErrorIsTerminal && !context.NoColor, context.Clock);
    }

    /// <summary>What the command is doing now; <paramref name="until"/> when it waits for a known time.</summary>
    public void Update(string status, DateTimeOffset? until = null)
    {
        lock (_gate)
        {
            _status = status;
            _until = until;
            if (_live && !_disposed)
            {
                Draw();
            }
        }
    }

    /// <summary>Writes something else to the terminal (a result line) without tearing the live status line.</summary>
    public void Interleave(Action write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_gate)
        {
            Clear();
            write();
            if (_live && !_disposed && _status is not null)
            {
                Draw();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Clear();
        }

        _timer.Dispose();
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (_disposed || _status is null)
            {
                return;
            }

            if (_live)
            {
                _frame++;
                Draw();
            }
            else
            {
                var elapsed = _clock.GetElapsedTime(_started);
                _error.WriteLine($"alertprobe: still running after {Elapsed(elapsed)}: {Describe()}");
                _error.Flush();
            }
        }
    }

    /// <summary>The status with its deadline: "waiting for … until 16:21:40 UTC (in 25s)".</summary>
    private string Describe()
    {
        if (_until is not { } until)
        {
            return _status!;
        }

        var left = until - _clock.GetUtcNow();
        var remaining = left > TimeSpan.Zero ? $"in {Elapsed(left)}" : "due now";
        return string.Create(CultureInfo.InvariantCulture, $"{_status} until {until.UtcDateTime:HH:mm:ss} UTC ({remaining})");
    }

    private void Draw()
    {
        var line = $"{Frames[_frame % Frames.Length]} {Describe()}";
        var width = TerminalWidth() - 1;
        if (line.Length > width)
        {
            // A wrapped line could not be redrawn in place.
            line = line[..Math.Max(0, width - 1)] + "…";
        }

        _error.Write($"\r\u001b[2K{line}");
        _error.Flush();
        _drawn = true;
    }

    private void Clear()
    {
        if (_drawn)
        {
            _error.Write("\r\u001b[2K");
            _error.Flush();
            _drawn = false;
        }
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 10 ? Console.WindowWidth : 80;
        }
        catch (Exception exception) when (exception is IOException or PlatformNotSupportedException or InvalidOperationException)
        {
            return 80;
        }
    }

    private static string Elapsed(TimeSpan value) =>
        value.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours}h{value.Minutes:00}m")
            : value.TotalMinutes >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalMinutes}m{value.Seconds:00}s")
                : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)Math.Ceiling(value.TotalSeconds))}s");
}
