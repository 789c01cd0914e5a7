using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// A unit's last months, oldest first, each taken the way the rankings take it: an ended month from
/// its last published hour when the hourly history has it, otherwise (the running month, months
/// before the history began) live from the grains.
/// </summary>
public static class MonthlyTrend
{
    public const int DefaultMonths = 12;
    public const int MaxMonths = 36;

    public static async Task<IReadOnlyList<TrendPoint>> GetAsync(
        IGrainFactory grains, UnitDirectory units, string code, Period lastMonth, int months, ScoringClock clock)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(lastMonth);
        ArgumentNullException.ThrowIfNull(clock);
        var periods = Enumerable.Range(0, months)
            .Select(back => lastMonth.FirstDay.AddMonths(back - months + 1))
            .Select(first => Period.Month(first.Year, first.Month))
            .ToList();

        var now = clock.Now;
        var ended = periods.Where(p => p.End <= now).ToList();
        var published = new Dictionary<string, HistoryPoint>(StringComparer.Ordinal);
        if (ended.Count > 0)
        {
            var history = await grains.GetGrain<IIndicatorHistoryGrain>(0)
                .GetUnitHistory(code, ended[0].Start, ended[^1].End.AddTicks(-1), HistoryGranularity.Month, months + 1);
            foreach (var point in history)
            {
                published[point.Period] = point;
            }
        }

        var points = await Task.WhenAll(periods.Select(async period =>
            period.End <= now && published.TryGetValue(period.Label, out var point)
                ? new TrendPoint(period.Label, point.Total, point.Band, point.Groups, point.Counts, "history")
                : FromScorecard(await LiveScorecards.GetAsync(grains, units, code, period, clock))));
        return points;
    }

    private static TrendPoint FromScorecard(Scorecard scorecard) => new(
        scorecard.Period,
        scorecard.Total,
        scorecard.Band,
        scorecard.Groups.ToDictionary(g => g.Code.ToString(), g => g.Score),
        scorecard.Counts,
        "live",
        scorecard.NoDataPoints);
}
