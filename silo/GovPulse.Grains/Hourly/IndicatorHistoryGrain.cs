using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Storage.ClickHouse;
using Orleans.Concurrency;

namespace GovPulse.Grains.Hourly;

/// <summary>Reads the hourly history for the read APIs; runs beside its caller and keeps nothing.</summary>
[StatelessWorker]
public sealed class IndicatorHistoryGrain(IIndicatorHistoryStore history) : Grain, IIndicatorHistoryGrain
{
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
        if (await history.LastPublishedHourAsync(before: period.End, notBefore: period.Start, period: period.Label) is not { } hour)
        {
            return null;
        }

        var snapshots = await history.ReadHourAsync(hour);
        return new PublishedScorecards(hour, snapshots.Select(s => s.Scorecard).ToList());
    }
}
