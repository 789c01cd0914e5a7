using GovPulse.Exports.Documents;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Exports.Tests;

/// <summary>
/// Export documents built by hand from real scorecards (<see cref="UnitEvaluation.Scorecard"/>) of
/// real Ho Chi Minh City units, with their Vietnamese names; the counts are made up but fixed, so
/// every test sees the same document.
/// </summary>
internal static class SampleExports
{
    public static readonly DateTimeOffset AsOf = new(2026, 12, 1, 8, 30, 0, TimeSpan.FromHours(7));

    public static readonly Period November = Period.Month(2026, 11);

    public const string FiguresHash = "5f0c6a3b9e2d4c1a8b7f6e5d4c3b2a19081726354453627180f9e8d7c6b5a4f3";

    /// <summary>Communes, the first <paramref name="units"/> of the directory; every fifth has no dossiers.</summary>
    public static RankingExport Communes(int units = 12, bool english = false)
    {
        var communes = UnitDirectory.HoChiMinhCity.Children.Where(u => u.Kind == UnitKind.Commune).Take(units).ToList();
        var cards = communes.Select((unit, i) => Card(unit, November, seed: i, received: i % 5 == 4 ? 0 : 40 + (i * 7))).ToList();
        var ranked = Ranking.Rank(cards, RankingKey.Of);
        var request = $"/api/v1/exports/rankings?asOf=2026-12-01T08:30:00+07:00&format=xlsx&lang={(english ? "en" : "vi")}&level=commune&period=2026-11";
        return new RankingExport(UnitKind.Commune, November, english, new ExportStamp(AsOf, RuleSet.Current, FiguresHash, request), ranked);
    }

    public static ScorecardExport Scorecard(bool english = false)
    {
        var unit = UnitDirectory.HoChiMinhCity.Children.First(u => u.Kind == UnitKind.Commune);
        var trend = Enumerable.Range(0, 12)
            .Select(m => Card(unit, Period.Month(2025 + ((m + 11) / 12), ((m + 11) % 12) + 1), seed: m, received: m == 3 ? 0 : 30 + m))
            .ToList();
        var request = $"/api/v1/exports/units/{unit.Code}/scorecard?asOf=2026-12-01T08:30:00+07:00&format=xlsx&lang={(english ? "en" : "vi")}&period=2026-11";
        return new ScorecardExport(unit, November, english, new ExportStamp(AsOf, RuleSet.Current, FiguresHash, request), trend[^1], trend);
    }

    public static Scorecard Card(Unit unit, Period period, int seed, long received)
    {
        var inputs = IndicatorCatalog.Indicators.Select((indicator, i) =>
        {
            if (received == 0 || indicator.Code == IndicatorCode.ELECTRONIC_CERTIFIED_COPY)
            {
                return IndicatorInput.NoData(indicator.Code);
            }

            var denominator = received + (i % 3);
            var numerator = denominator - ((seed * 3) + i) % (denominator / 2);
            return new IndicatorInput(indicator.Code, numerator, denominator);
        }).ToList();
        var counts = new ScorecardCounts(received, received / 2, received / 3, received / 6);
        return UnitEvaluation.Scorecard(unit, period.Label, period.EvaluationTime(AsOf), new UnitFigures(inputs, counts)) with { Version = 100 + seed };
    }
}
