using GovPulse.Dashboard.Apis;
using GovPulse.Indicators.Periods;

namespace GovPulse.Dashboard.Charts;

/// <summary>
/// A unit's total points month by month (the last 12 by default), from the same points as
/// <c>GET /units/{code}/trend</c>. A month without a received dossier is left out of the line and
/// said so in the text alternative: its score would only reflect the catalogue and "none ⇒ max".
/// </summary>
public static class TrendChart
{
    public static string Render(string unitName, IReadOnlyList<TrendPoint> months, ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(options);
        var words = ChartWords.For(options.Language);
        var points = new List<TotalPoint>(months.Count);
        for (var i = 0; i < months.Count; i++)
        {
            var month = months[i];
            var firstDay = Period.TryParse(month.Period, out var period, out _) ? period.FirstDay : default;
            points.Add(new TotalPoint(
                i,
                ChartWords.MonthTick(firstDay),
                words.Month(firstDay),
                month.Counts.Received > 0 ? month.Total : null,
                month.Band));
        }

        return TotalsPlot.Draw(words.TrendTitle(unitName, months.Count), points, options);
    }
}
