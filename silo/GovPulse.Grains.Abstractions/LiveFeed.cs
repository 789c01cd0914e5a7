namespace GovPulse.Grains;

/// <summary>Timings of the live feed between nodes.</summary>
public static class LiveFeed
{
    public const long Key = 0;

    /// <summary>How often a node renews its observer (also after the feed grain moved to another node).</summary>
    public static TimeSpan RenewEvery { get; } = TimeSpan.FromSeconds(10);

    /// <summary>An observer that was not renewed for this long belongs to a node that is gone.</summary>
    public static TimeSpan ObserverLifetime { get; } = TimeSpan.FromSeconds(45);
}
