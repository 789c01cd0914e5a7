using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Tests.Units;
using GovPulse.Indicators.Units;

namespace GovPulse.Indicators.Tests.Evaluation;

/// <summary>How a province and the nation pool their members (the one function the city grain, the hourly publication and known-at figures share).</summary>
public sealed class PooledFiguresTests
{
    private static readonly UnitDirectory Units = ProvinceLevelTests.TwoProvinces();

    // Each unit: on time / received, and the province-wide publication indicator of its own desk.
    private static readonly Dictionary<string, UnitFigures> Own = new(StringComparer.Ordinal)
    {
        ["VN"] = Figures(onTime: 0, received: 0, published: 0, decided: 0),
        ["79"] = Figures(onTime: 1, received: 1, published: 9, decided: 10),
        ["so-tu-phap"] = Figures(onTime: 3, received: 4, published: 1, decided: 1),
        ["26737"] = Figures(onTime: 5, received: 10, published: 1, decided: 1),
        ["01"] = Figures(onTime: 0, received: 0, published: 2, decided: 4),
        ["00004"] = Figures(onTime: 6, received: 6, published: 0, decided: 1),
        ["00006"] = Figures(onTime: 1, received: 4, published: 0, decided: 1),
    };

    [Fact]
    public void A_province_adds_only_its_own_units_and_takes_publicity_from_its_own_desk()
    {
        var city = PooledFigures.Of(Units, Units.Find("79")!, Own.GetValueOrDefault);
        var hanoi = PooledFigures.Of(Units, Units.Find("01")!, Own.GetValueOrDefault);

        Input(city, IndicatorCode.ON_TIME_PROCESSING).Should().Be((9m, 15m));
        Input(city, IndicatorCode.PUBLISH_ON_TIME).Should().Be((9m, 10m));
        city.Counts.Received.Should().Be(15);
        Input(hanoi, IndicatorCode.ON_TIME_PROCESSING).Should().Be((7m, 10m));
        Input(hanoi, IndicatorCode.PUBLISH_ON_TIME).Should().Be((2m, 4m));
        hanoi.Counts.Received.Should().Be(10);
    }

    [Fact]
    public void The_nation_adds_every_unit_and_every_province_desks_publicity()
    {
        var nation = PooledFigures.Of(Units, Units.Nation!, Own.GetValueOrDefault);

        Input(nation, IndicatorCode.ON_TIME_PROCESSING).Should().Be((16m, 25m));
        Input(nation, IndicatorCode.PUBLISH_ON_TIME).Should().Be((11m, 14m), "each province publishes its own procedures");
        nation.Counts.Received.Should().Be(25);
    }

    [Fact]
    public void The_built_in_city_pools_as_before()
    {
        var units = UnitDirectory.HoChiMinhCity;
        var own = units.All.ToDictionary(u => u.Code, u => Figures(onTime: 1, received: 2, published: u.Code == "79" ? 3 : 1, decided: 4), StringComparer.Ordinal);

        var pooled = PooledFigures.Of(units, units.City, own.GetValueOrDefault);

        pooled.Should().BeEquivalentTo(UnitEvaluation.Pool(units.All.Select(u => own[u.Code]), own["79"]));
    }

    private static UnitFigures Figures(decimal onTime, long received, decimal published, decimal decided) => new(
        [new IndicatorInput(IndicatorCode.PUBLISH_ON_TIME, published, decided), new IndicatorInput(IndicatorCode.ON_TIME_PROCESSING, onTime, received)],
        new ScorecardCounts(received, 0));

    private static (decimal? Numerator, decimal? Denominator) Input(UnitFigures figures, IndicatorCode code) =>
        figures.Inputs.Single(i => i.Code == code) is var i ? (i.Numerator, i.Denominator) : default;
}
