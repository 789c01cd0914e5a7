using System.Globalization;
using GovPulse.Grains;
using GovPulse.Indicators.Periods;

namespace GovPulse.Dashboard.Charts;

/// <summary>
/// A unit's total points hour by hour through one local day, from the published hourly snapshots
/// (<c>GET /units/{code}/history?granularity=hour</c>); an hour published late is said so.
/// </summary>
public static class HourlyChart
{
    public static string Render(string unitName, DateOnly day, IReadOnlyList<HistoryPoint> hours, ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(options);
        var words = ChartWords.For(options.Language);
        var points = hours
            .Select(h => VietnamTime.ToLocal(h.At))
            .Zip(hours, (local, h) =>
            {
                var tick = local.ToString("HH':00'", CultureInfo.InvariantCulture);
                return new TotalPoint(local.Hour, tick, tick, h.Total, h.Band, h.Late ? words.PublishedLate : null);
            })
            .ToList();
        return TotalsPlot.Draw(words.HourlyTitle(unitName, day), points, options);
    }
}
