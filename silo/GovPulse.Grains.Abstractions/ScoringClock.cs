namespace GovPulse.Grains;

/// <summary>
/// The clock the indicators are judged by (dossiers turn overdue with it). Separate from the
/// TimeProvider Orleans itself runs on, so a test can move the scoring clock to a due time
/// without moving the cluster's own timeouts.
/// </summary>
public sealed class ScoringClock(TimeProvider time)
{
    public static ScoringClock System { get; } = new(TimeProvider.System);

    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now => Time.GetUtcNow();
}
