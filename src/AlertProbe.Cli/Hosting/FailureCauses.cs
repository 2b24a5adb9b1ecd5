namespace AlertProbe.Cli.Hosting;

/// <summary>
/// The root causes of failures seen while a command runs (exceptions logged by the handlers and libraries, HTTP calls
/// that failed), so the summary can name what went wrong ("Connection refused (127.0.0.1:5999)") even where the
/// handler's own outcome only says "could not read the ThousandEyes agent list" and the logs are not shown.
/// </summary>
internal sealed class FailureCauses
{
    private readonly Lock _gate = new();
    private long _count;
    private string? _latest;

    /// <summary>A position to ask <see cref="LatestSince"/> about.</summary>
    public long Mark()
    {
        lock (_gate)
        {
            return _count;
        }
    }

    public void Record(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is OperationCanceledException)
        {
            return;
        }

        var cause = ExceptionCause.Describe(exception);
        lock (_gate)
        {
            _count++;
            _latest = cause;
        }
    }

    /// <summary>The latest cause recorded after <paramref name="mark"/>; null when none was.</summary>
    public string? LatestSince(long mark)
    {
        lock (_gate)
        {
            return _count > mark ? _latest : null;
        }
    }

    /// <summary>The latest cause recorded at all; null when none was.</summary>
    public string? Latest => LatestSince(0);
}
