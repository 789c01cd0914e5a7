using GovPulse.Indicators.Scoring;

namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The hourly history (ClickHouse <c>indicator_snapshots</c>): every unit's scorecard at each
/// published hour. Hours are the local (Asia/Ho_Chi_Minh) start of the hour.
/// </summary>
public interface IIndicatorHistoryStore
{
    /// <summary>The publication of that hour, or null when the hour has not been published.</summary>
    Task<HourPublication?> FindPublicationAsync(DateTimeOffset hour, CancellationToken cancellationToken = default);

    /// <summary>The published hours in [<paramref name="since"/>, <paramref name="until"/>).</summary>
    Task<IReadOnlySet<DateTimeOffset>> PublishedHoursAsync(DateTimeOffset since, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>
    /// The latest published hour before <paramref name="before"/> (and not before
    /// <paramref name="notBefore"/>, when given) whose snapshots are of <paramref name="period"/>,
    /// when given; null when there is none.
    /// </summary>
    Task<DateTimeOffset?> LastPublishedHourAsync(
        DateTimeOffset before, DateTimeOffset? notBefore = null, string? period = null, CancellationToken cancellationToken = default);

    /// <summary>Writes one hour's snapshots in one insert (all units of the hour at once).</summary>
    Task StoreAsync(IReadOnlyList<IndicatorSnapshot> snapshots, CancellationToken cancellationToken = default);

    /// <summary>Each unit's total at a published hour.</summary>
    Task<IReadOnlyDictionary<string, decimal>> TotalsAtAsync(DateTimeOffset hour, CancellationToken cancellationToken = default);

    /// <summary>Every unit's full scorecard at a published hour; empty when the hour is not published.</summary>
    Task<IReadOnlyList<IndicatorSnapshot>> ReadHourAsync(DateTimeOffset hour, CancellationToken cancellationToken = default);

    /// <summary>
    /// One unit's snapshots in [<paramref name="since"/>, <paramref name="until"/>], oldest first: every
    /// hour, or the last snapshot of each local day or month; at most <paramref name="limit"/> rows.
    /// </summary>
    Task<IReadOnlyList<HistoryEntry>> ReadUnitAsync(
        string unitCode, DateTimeOffset since, DateTimeOffset until, HistoryBucket bucket, int limit, CancellationToken cancellationToken = default);
}

/// <summary>An hour as it was published: when, whether late, and how many units it holds.</summary>
public sealed record HourPublication(DateTimeOffset Hour, DateTimeOffset PublishedAt, bool Late, int Units);

/// <summary>One unit's scorecard at a published hour.</summary>
/// <param name="Late">The hour was published after it had passed (the figures are those of <paramref name="PublishedAt"/>).</param>
public sealed record IndicatorSnapshot(DateTimeOffset Hour, Scorecard Scorecard, DateTimeOffset PublishedAt, bool Late);

/// <summary>A row of a unit's history: the scorecard's headline figures, without the indicators.</summary>
public sealed record HistoryEntry(
    DateTimeOffset Hour,
    string Period,
    decimal Total,
    string Band,
    IReadOnlyDictionary<GroupCode, decimal> Groups,
    ScorecardCounts Counts,
    DateTimeOffset PublishedAt,
    bool Late);

/// <summary>How a history is thinned: every hour, or the last snapshot of each local day or month.</summary>
public enum HistoryBucket
{
    Hour,
    Day,
    Month,
}
