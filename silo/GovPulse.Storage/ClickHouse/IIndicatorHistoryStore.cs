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

    /// <summary>
    /// Writes one hour's snapshots (all units of that hour) in one insert that the engine applies at
    /// most once per hour: an insert of an hour already stored is dropped whole, whoever makes it and
    /// whatever its rows hold. Returns the hour as stored; its <see cref="HourPublication.PublicationId"/>
    /// is <paramref name="publicationId"/> only when this insert created the hour.
    /// </summary>
    Task<HourPublication> StoreAsync(Guid publicationId, IReadOnlyList<IndicatorSnapshot> snapshots, CancellationToken cancellationToken = default);

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

/// <summary>An hour as it was published: when, whether late, how many units it holds, and by which publication.</summary>
/// <param name="PublicationId">The writer whose insert created the hour (the nil id for hours stored before migration 0012).</param>
public sealed record HourPublication(DateTimeOffset Hour, DateTimeOffset PublishedAt, bool Late, int Units, Guid PublicationId);

/// <summary>One unit's scorecard at a published hour.</summary>
/// <param name="Late">The hour was published after it had passed (its figures are still those judged at the top of <paramref name="Hour"/>).</param>
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
