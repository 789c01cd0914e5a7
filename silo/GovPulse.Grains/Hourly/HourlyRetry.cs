namespace GovPulse.Grains.Hourly;

/// <summary>
/// How a node's round retries its hour after a failed attempt (a node of the cluster died, the
/// database did not answer): waits of <see cref="FirstDelay"/>, doubling up to <see cref="MaxDelay"/>,
/// for as long as the hour lasts. After that the hour is left to the next round's catch-up.
/// </summary>
public sealed record HourlyRetry(TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    public static HourlyRetry Default { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));

    /// <summary>The wait after one of <paramref name="delay"/>.</summary>
    public TimeSpan After(TimeSpan delay) => delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
}
