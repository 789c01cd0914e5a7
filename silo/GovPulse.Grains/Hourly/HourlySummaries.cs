using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Grains.Hourly;

/// <summary>Builds the <c>hourly</c> message from an hour's scorecards and the previous hour's totals.</summary>
public static class HourlySummaries
{
    /// <summary>Communes listed at each end of the ranking.</summary>
    public const int Ends = 5;

    /// <param name="previousTotals">Each unit's total at the previous published hour; null when there was none.</param>
    public static HourlySummary Of(
        DateTimeOffset hour,
        DateTimeOffset publishedAt,
        bool late,
        IReadOnlyCollection<Scorecard> scorecards,
        UnitDirectory units,
        IReadOnlyDictionary<string, decimal>? previousTotals)
    {
        ArgumentNullException.ThrowIfNull(scorecards);
        ArgumentNullException.ThrowIfNull(units);
        var city = scorecards.Single(s => s.UnitCode == units.City.Code);
        var communes = scorecards.Where(s => units.Find(s.UnitCode)?.Kind == UnitKind.Commune);
        // Best and worst only among ranked communes: one with no dossiers has no score to be worst by.
        var ranked = Ranking.Rank(communes, RankingKey.Of)
            .Where(r => r.Rank is not null)
            .Select(r => new HourlyRank(r.Rank!.Value, r.Unit.UnitCode, r.Unit.Name, r.Unit.Total ?? 0, r.Unit.Band ?? string.Empty))
            .ToList();
        return new HourlySummary(
            hour,
            publishedAt,
            late,
            city,
            ranked.Take(Ends).ToList(),
            ranked.Skip(Math.Max(0, ranked.Count - Ends)).ToList(),
            Changes(scorecards, previousTotals));
    }


    /// <summary>Units whose total differs from the previous hour's (or that it did not have), biggest moves first.</summary>
    private static List<HourlyChange> Changes(IEnumerable<Scorecard> scorecards, IReadOnlyDictionary<string, decimal>? previousTotals)
    {
        if (previousTotals is null)
        {
            return [];
        }

        return scorecards
            .Select(s => (Card: s, Total: s.Total ?? 0, Previous: previousTotals.TryGetValue(s.UnitCode, out var p) ? p : (decimal?)null))
            .Where(c => c.Previous != c.Total)
            .OrderByDescending(c => c.Previous is { } p ? Math.Abs(c.Total - p) : decimal.MaxValue)
            .ThenBy(c => c.Card.UnitCode, StringComparer.Ordinal)
            .Select(c => new HourlyChange(c.Card.UnitCode, c.Card.Name, c.Total, c.Previous))
            .ToList();
    }
}
