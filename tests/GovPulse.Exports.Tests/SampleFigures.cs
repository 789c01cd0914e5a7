using GovPulse.Exports.Documents;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Exports.Tests;

/// <summary>Scorecards built by the real scoring from chosen numerators and denominators, for the writers' tests.</summary>
internal static class SampleFigures
{
    public static readonly Period November = Period.Month(2026, 11);

    public static readonly DateTimeOffset AsOf = new(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(7));

    public static readonly ExportStamp Stamp = new(AsOf, RuleSet.Current, new string('c', 64), "/api/v1/exports/rankings?asOf=2026-12-01T08:00:00%2B07:00&format=csv&lang=vi&level=commune&period=2026-11");

    /// <summary>A unit's scorecard where every dossier-based indicator has <paramref name="onTime"/> of <paramref name="received"/>.</summary>
    public static Scorecard Card(string code, string name, long received, long onTime)
    {
        var inputs = Enum.GetValues<IndicatorCode>()
            .Select(c => received == 0 || c == IndicatorCode.ELECTRONIC_CERTIFIED_COPY ? IndicatorInput.NoData(c) : new IndicatorInput(c, onTime, received))
            .ToList();
        var counts = new ScorecardCounts(received, onTime, onTime);
        return UnitEvaluation.Scorecard(new Unit(code, name, UnitKind.Commune, UnitDirectory.HoChiMinhCityCode), November.Label, AsOf, new UnitFigures(inputs, counts))
            with { Version = received };
    }

    public static RankingExport Ranking(bool english) => new(
        UnitKind.Commune,
        November,
        english,
        Stamp,
        Indicators.Scoring.Ranking.Rank(
            [
                Card("26734", "Phường Sài Gòn", 40, 30),
                Card("26737", "Phường Tân Định, \"trung tâm\"", 40, 40),
                Card("27004", "Xã Bình Chánh", 0, 0),
                Card("26740", "Phường Bến Thành", 40, 30),
            ],
            RankingKey.Of));

    public static ScorecardExport Scorecard(bool english)
    {
        var card = Card("26734", "Phường Sài Gòn", 40, 30);
        return new ScorecardExport(new Unit("26734", "Phường Sài Gòn", UnitKind.Commune, UnitDirectory.HoChiMinhCityCode), November, english, Stamp, card, [card]);
    }
}
