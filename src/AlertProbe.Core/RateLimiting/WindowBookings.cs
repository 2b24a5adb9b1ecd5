using System.Globalization;
using System.Text;

namespace AlertProbe.Core.RateLimiting;

/// <summary>
/// The slots booked in coming budget windows, as stored on the budget row (<c>start-ticks:high:low|…</c>): per window,
/// how many copies of Error/Critical and of lower severities are booked and not yet come. Immutable.
/// </summary>
internal sealed class WindowBookings
{
    private readonly IReadOnlyList<Window> _windows;

    private WindowBookings(IReadOnlyList<Window> windows) => _windows = windows;

    public static WindowBookings Parse(string? text)
    {
        var windows = new List<Window>();
        foreach (var part in (text ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = part.Split(':');
            if (fields.Length == 3
                && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var high)
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var low))
            {
                windows.Add(new Window(new DateTimeOffset(ticks, TimeSpan.Zero), high, low));
            }
        }

        return new WindowBookings([.. windows.OrderBy(w => w.Start)]);
    }

    /// <summary>Without the windows that are over (their copies came, or will never come to take the slot).</summary>
    public WindowBookings Current(DateTimeOffset now, TimeSpan windowLength) =>
        new([.. _windows.Where(w => w.Start + windowLength > now && w.High + w.Low > 0)]);

    /// <summary>Booked slots whose copies come before <paramref name="until"/> (the running window's end): kept for them.</summary>
    public int DueBy(DateTimeOffset until) => _windows.Where(w => w.Start < until).Sum(w => w.High + w.Low);

    /// <summary>Takes a slot of the booked window <paramref name="booking"/> (begun by <paramref name="now"/>) for this severity class.</summary>
    public bool TryConsume(DateTimeOffset booking, DateTimeOffset now, bool high, out WindowBookings after)
    {
        after = this;
        var index = -1;
        for (var i = 0; i < _windows.Count; i++)
        {
            if (_windows[i].Start == booking && _windows[i].Start <= now && (high ? _windows[i].High : _windows[i].Low) > 0)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return false;
        }

        var window = _windows[index];
        var changed = high ? window with { High = window.High - 1 } : window with { Low = window.Low - 1 };
        after = new WindowBookings([.. _windows.Select((w, i) => i == index ? changed : w)]);
        return true;
    }

    /// <summary>
    /// Books a slot in the first window from <paramref name="firstStart"/> on with room: <paramref name="limit"/> slots
    /// each, at most <paramref name="lowCapacity"/> of them for lower severities. Windows are planned
    /// <paramref name="windowLength"/> + <paramref name="margin"/> apart, continuing the windows already booked; the slot's
    /// instant spreads a window's bookings evenly across it (one every length/limit): Error/Critical from its start, lower
    /// severities after the reserve's slots, each in booking order.
    /// </summary>
    public (WindowBookings After, DateTimeOffset SlotAt, DateTimeOffset WindowStart) Book(
        DateTimeOffset firstStart, TimeSpan windowLength, TimeSpan margin, int limit, int lowCapacity, bool high)
    {
        var windows = _windows.ToList();
        var first = windows.FirstOrDefault(w => w.Start >= firstStart)?.Start ?? firstStart;
        for (var k = 0; ; k++)
        {
            var windowStart = first + ((windowLength + margin) * k);
            var index = windows.FindIndex(w => w.Start == windowStart);
            var window = index >= 0 ? windows[index] : new Window(windowStart, 0, 0);
            var used = window.High + window.Low;
            if (used >= limit || (!high && window.Low >= lowCapacity))
            {
                continue;
            }

            var booked = high ? window with { High = window.High + 1 } : window with { Low = window.Low + 1 };
            if (index >= 0)
            {
                windows[index] = booked;
            }
            else
            {
                windows.Add(booked);
            }

            // Error/Critical from the window's start, lower severities after the reserve's slots: within a window the more
            // severe come first, and each class in booking order.
            var position = high ? window.High : (limit - lowCapacity) + window.Low;
            var slotAt = windowStart + (windowLength / limit * position);
            return (new WindowBookings([.. windows.OrderBy(w => w.Start)]), slotAt, windowStart);
        }
    }

    public string Format()
    {
        var text = new StringBuilder();
        foreach (var window in _windows.Where(w => w.High + w.Low > 0))
        {
            if (text.Length > 0)
            {
                text.Append('|');
            }

            text.Append(CultureInfo.InvariantCulture, $"{window.Start.UtcTicks}:{window.High}:{window.Low}");
        }

        return text.ToString();
    }

    private sealed record Window(DateTimeOffset Start, int High, int Low);
}
