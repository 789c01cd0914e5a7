using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Storage.ClickHouse;
using Orleans.Concurrency;

namespace GovPulse.Grains.Hourly;

/// <summary>
/// Reads the hourly history for the read APIs; runs beside its caller and keeps only which hour was
/// the last published of a month whose publication is over, so ranking such a month asks ClickHouse
/// nothing about it again (a month without history is then ranked from the city's kept figures alone).
/// </summary>
[StatelessWorker(1), Reentrant] // one per node, so a node remembers once; reentrant, so reads still run side by side
public sealed class IndicatorHistoryGrain(IIndicatorHistoryStore history, ScoringClock clock) : Grain, IIndicatorHistoryGrain
{
    /// <summary>
    /// No hour of a period that ended longer ago than this is published any more: the hourly round
    /// fills missed hours at most 31 days back (<c>GovPulse:Hourly:CatchUpHours</c>, at most 744).
    /// </summary>
    private static readonly TimeSpan PublicationOver = TimeSpan.FromDays(32);

    /// <summary>Periods whose last published hour is known for good, by period; bounded, emptied when full.</summary>
    private const int SettledKept = 256;

    private readonly Dictionary<Period, DateTimeOffset?> _settled = [];

    public async Task<IReadOnlyList<HistoryPoint>> GetUnitHistory(
        string unitCode, DateTimeOffset since, DateTimeOffset until, HistoryGranularity granularity, int limit)
    {
        var bucket = granularity switch
        {
            HistoryGranularity.Hour => HistoryBucket.Hour,
            HistoryGranularity.Day => HistoryBucket.Day,
            HistoryGranularity.Month => HistoryBucket.Month,
            _ => throw new ArgumentOutOfRangeException(nameof(granularity), granularity, "not a history granularity"),
        };
        var entries = await history.ReadUnitAsync(unitCode, since, until, bucket, limit);
        return entries
            .Select(e => new HistoryPoint(
                e.Hour,
                e.Period,
                e.Total,
                e.Band,
                Enum.GetValues<GroupCode>().ToDictionary(g => g.ToString(), g => e.Groups.GetValueOrDefault(g)),
                e.Counts,
                e.Late))
            .ToList();
    }

    public async Task<PublishedScorecards?> GetLastPublished(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (!_settled.TryGetValue(period, out var last))
        {
            last = await history.LastPublishedHourAsync(before: period.End, notBefore: period.Start, period: period.Label);
            if (period.End <= clock.Now - PublicationOver)
            {
                if (_settled.Count >= SettledKept)
                {
                    _settled.Clear();
                }

                _settled[period] = last;
            }
        }

        if (last is not { } hour)
        {
            return null;
        }

        var snapshots = await history.ReadHourAsync(hour);
        return new PublishedScorecards(hour, snapshots.Select(s => s.Scorecard).ToList());
    }
}
