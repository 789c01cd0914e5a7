using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;

namespace GovPulse.Grains.Tests;

/// <summary>The node's catalogue tallies are the catalogue's own, counted once per level and period.</summary>
public sealed class CatalogTalliesTests
{
    private static readonly Period[] Periods =
    [
        Period.Month(2026, 9), Period.Month(2026, 12), Period.Quarter(2026, 3), Period.Year(2025),
        new(PeriodKind.Range, new DateOnly(2026, 2, 3), new DateOnly(2026, 11, 20)),
    ];

    [Fact]
    public void Every_level_and_period_gives_what_the_catalogue_counts_and_the_same_tally_when_asked_again()
    {
        var catalog = ProcedureCatalog.Reference;
        var tallies = new CatalogTallies(catalog, WorkingDayCalendar.Vietnam);

        foreach (var kind in Enum.GetValues<UnitKind>())
        {
            foreach (var period in Periods)
            {
                var first = tallies.For(kind, period);

                first.Should().BeEquivalentTo(CatalogTally.For(catalog, Indicators.Evaluation.UnitEvaluation.LevelOf(kind), period, WorkingDayCalendar.Vietnam));
                tallies.For(kind, period with { }).Should().BeSameAs(first, "a period equal to one asked before is counted once");
            }
        }
    }
}
