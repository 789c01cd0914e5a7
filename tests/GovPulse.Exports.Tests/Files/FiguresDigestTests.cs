using GovPulse.Exports.Files;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Exports.Tests.Files;

public sealed class FiguresDigestTests
{
    private static string Of(IReadOnlyList<RankedUnit<Scorecard>> units, DateTimeOffset? asOf = null) =>
        FiguresDigest.OfRanking(UnitKind.Commune, SampleFigures.November, asOf ?? SampleFigures.AsOf, RuleSet.Current, units);

    [Fact]
    public void The_figures_hash_depends_on_the_figures_not_on_the_language()
    {
        var vietnamese = SampleFigures.Ranking(english: false);
        var english = SampleFigures.Ranking(english: true);

        Of(vietnamese.Units).Should().Be(Of(english.Units)).And.MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void A_changed_figure_a_changed_position_or_another_as_of_changes_the_hash()
    {
        var units = SampleFigures.Ranking(false).Units;
        var hash = Of(units);

        var changedTotal = units.Select((u, i) => i == 0 ? u with { Unit = u.Unit with { Total = u.Unit.Total + 0.01m } } : u).ToList();
        var changedVersion = units.Select((u, i) => i == 0 ? u with { Unit = u.Unit with { Version = u.Unit.Version + 1 } } : u).ToList();

        Of(changedTotal).Should().NotBe(hash);
        Of(changedVersion).Should().NotBe(hash);
        Of(units, SampleFigures.AsOf.AddSeconds(1)).Should().NotBe(hash);
    }

    [Fact]
    public void Trailing_zeros_do_not_change_the_hash()
    {
        var units = SampleFigures.Ranking(false).Units;
        var padded = units.Select(u => u with { Unit = u.Unit with { Total = u.Unit.Total is { } t ? decimal.Parse(t.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture) : null } }).ToList();

        Of(padded).Should().Be(Of(units), "61.890 and 61.89 are the same figure");
    }

    [Fact]
    public void A_scorecards_hash_covers_its_trend()
    {
        var export = SampleFigures.Scorecard(false);
        var hash = FiguresDigest.OfScorecard("26734", SampleFigures.November, SampleFigures.AsOf, RuleSet.Current, export.Scorecard, export.Trend);

        FiguresDigest.OfScorecard("26734", SampleFigures.November, SampleFigures.AsOf, RuleSet.Current, export.Scorecard, [])
            .Should().NotBe(hash);
        FiguresDigest.OfScorecard("26734", SampleFigures.November, SampleFigures.AsOf, RuleSet.Current, export.Scorecard, export.Trend)
            .Should().Be(hash);
    }
}
