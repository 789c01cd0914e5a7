using GovPulse.Indicators.Scoring;

namespace GovPulse.Grains;

/// <summary>
/// A grain's live push of its scorecard, shared by unit and city grains: at most once per interval,
/// the last change never lost (a change inside the interval is pushed when the interval ends), and
/// every push stamped with the version of the push before it, so a viewer can tell it missed one.
/// </summary>
public sealed class LivePushThrottle(TimeSpan interval)
{
    private DateTimeOffset _lastPush = DateTimeOffset.MinValue;
    private bool _pending;
    private long _lastVersion;

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

    /// <summary>
    /// Records a change of <paramref name="grain"/>'s figures: pushes now, or schedules one push for
    /// when the interval ends (replacing <paramref name="scheduled"/>), or leaves it to the push already
    /// scheduled. Returns the grain's scheduled push.
    /// </summary>
    public async Task<IGrainTimer?> ChangedAsync(IGrainBase grain, IGrainTimer? scheduled, DateTimeOffset now, Func<Task> push)
    {
        ArgumentNullException.ThrowIfNull(push);
        switch (Changed(now))
        {
            case { } wait when wait == TimeSpan.Zero:
                await push();
                return scheduled;
            case { } wait:
                scheduled?.Dispose();
                return grain.RegisterGrainTimer(push, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
            default:
                return scheduled;
        }
    }

    /// <summary>
    /// Pushes the scorecard <paramref name="current"/> gives, with <see cref="Scorecard.PreviousVersion"/>
    /// set to the version of this publisher's previous push (0 before any). The push is recorded
    /// first, so a failure to build or send it never leaves a push scheduled for ever.
    /// </summary>
    public async Task PushAsync(DateTimeOffset now, IScorecardPublisher publisher, Func<Task<Scorecard>> current)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(current);
        Pushed(now);
        var scorecard = await current();
        await publisher.PublishAsync(scorecard with { PreviousVersion = _lastVersion });
        _lastVersion = scorecard.Version;
    }
}
