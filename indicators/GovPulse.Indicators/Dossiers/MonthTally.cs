namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// One whole month's count at an evaluation time, kept for reuse: a quarter, a year or a range of whole
/// months combines its months' counts, so a change in one month recounts only that month. Good for the
/// month's version it was counted at, over evaluation times [From, Until) and at At itself (UTC ticks).
/// </summary>
internal sealed class MonthTally(long version, long at, TallySpan span, Counter counter, byte[] procedures)
{
    public long Version { get; } = version;

    /// <summary>The evaluation time it was counted at (UTC ticks).</summary>
    public long At { get; } = at;

    public TallySpan Span { get; } = span;

    /// <summary>The month's counts, exact sums.</summary>
    public Counter Counter { get; } = counter;

    /// <summary>The month's flags per procedure number (numbers given since are absent: no flags).</summary>
    public byte[] Procedures { get; } = procedures;

    public bool Holds(long version, long evaluatedAt) =>
        version == Version && (evaluatedAt == At || (!Span.Pinned && Span.From <= evaluatedAt && evaluatedAt < Span.Until));
}
