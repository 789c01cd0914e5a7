using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using Orleans.Concurrency;

namespace GovPulse.Grains;

/// <summary>
/// Reads of the hourly history for the read APIs, which reach the cluster only through grains.
/// A stateless worker (key 0): it runs on the caller's node and keeps nothing.
/// </summary>
[Alias("govpulse.indicator-history")]
public interface IIndicatorHistoryGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// A unit's published snapshots in [<paramref name="since"/>, <paramref name="until"/>], oldest first:
    /// every hour, or the last snapshot of each local day or month; at most <paramref name="limit"/>
    /// (the most recent).
    /// </summary>
    [Alias("unit-history"), ReadOnly]
    Task<IReadOnlyList<HistoryPoint>> GetUnitHistory(string unitCode, DateTimeOffset since, DateTimeOffset until, HistoryGranularity granularity, int limit);

    /// <summary>Every unit's scorecard at the last published hour inside the month <paramref name="period"/>; null when none was published.</summary>
    [Alias("last-published"), ReadOnly]
    Task<PublishedScorecards?> GetLastPublished(Period period);
}

[GenerateSerializer, Alias("govpulse.history-granularity")]
public enum HistoryGranularity
{
    Hour,
    Day,
    Month,
}

/// <summary>A unit at a published hour: <c>{ at, period, total, band, groups, counts, late }</c>.</summary>
/// <param name="At">The published hour (local, +07:00).</param>
/// <param name="Period">The month the figures are of.</param>
/// <param name="Groups">Group scores by group code, in portal order.</param>
/// <param name="Late">The hour was published after it had passed; its figures are those of the publication time.</param>
[GenerateSerializer, Immutable, Alias("govpulse.history-point")]
public sealed record HistoryPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Period,
    [property: Id(2)] decimal Total,
    [property: Id(3)] string Band,
    [property: Id(4)] IReadOnlyDictionary<string, decimal> Groups,
    [property: Id(5)] ScorecardCounts Counts,
    [property: Id(6)] bool Late);

/// <summary>The scorecards of one published hour.</summary>
[GenerateSerializer, Immutable, Alias("govpulse.published-scorecards")]
public sealed record PublishedScorecards(
    [property: Id(0)] DateTimeOffset Hour,
    [property: Id(1)] IReadOnlyList<Scorecard> Scorecards);
