namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// The evaluation times (UTC ticks) over which a tally being counted cannot change: [From, Until), or
/// only the evaluation time itself once something pinned it (a fact dated after it, a sealed part kept
/// only for that instant).
/// </summary>
internal struct TallySpan()
{
    public long From = long.MinValue;
    public long Until = long.MaxValue;
    public bool Pinned;

    /// <summary>A change of the count at <paramref name="change"/> (if any), seen from <paramref name="evaluatedAt"/>.</summary>
    public void Bound(DateTimeOffset? change, long evaluatedAt)
    {
        if (change is not { } moment)
        {
            return;
        }

        var at = moment.UtcTicks;
        if (at <= evaluatedAt)
        {
            From = Math.Max(From, at);
        }
        else
        {
            Until = Math.Min(Until, at);
        }
    }
}
