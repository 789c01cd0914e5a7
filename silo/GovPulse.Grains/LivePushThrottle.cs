namespace GovPulse.Grains;

/// <summary>
/// Decides when a changed unit may push its scorecard: at most once per interval, and the last
/// change is never lost (a change inside the interval is pushed when the interval ends).
/// </summary>
public sealed class LivePushThrottle(TimeSpan interval)
{
    private DateTimeOffset _lastPush = DateTimeOffset.MinValue;
    private bool _pending;

    public static TimeSpan OncePerSecond { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Records a change; returns zero to push now, a delay to push later, or null when a push is already scheduled.</summary>
    public TimeSpan? Changed(DateTimeOffset now)
    {
        if (_pending)
        {
            return null;
        }

        var wait = _lastPush + interval - now;
        if (wait <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        _pending = true;
        return wait;
    }

    /// <summary>Records that a push happened.</summary>
    public void Pushed(DateTimeOffset now)
    {
        _lastPush = now;
        _pending = false;
    }
}
