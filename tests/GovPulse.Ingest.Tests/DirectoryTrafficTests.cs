using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Simulation;

namespace GovPulse.Ingest.Tests;

/// <summary>The simulator over a directory other than the built-in city (a two-province one, the synthetic nation), and its scale.</summary>
public sealed class DirectoryTrafficTests
{
    // Wednesday 16 September 2026, a working day.
    private static readonly DateTimeOffset Day = new(2026, 9, 16, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Another_directory_gets_events_only_for_its_own_units_and_every_commune_of_each_province_receives()
    {
        var units = new UnitDirectory(
        [
            new Unit("VN", "Việt Nam", UnitKind.Nation, null),
            new Unit("S01", "Tỉnh Tổng hợp 01", UnitKind.Province, "VN"),
            new Unit("S01-0001", "Xã Tổng hợp 01-0001", UnitKind.Commune, "S01"),
            new Unit("S01-0002", "Xã Tổng hợp 01-0002", UnitKind.Commune, "S01"),
            new Unit("S02", "Tỉnh Tổng hợp 02", UnitKind.Province, "VN"),
            new Unit("S02-0001", "Xã Tổng hợp 02-0001", UnitKind.Commune, "S02"),
        ]);

        var events = Simulate(units, seed: 3, scale: 1);
        var received = events.Where(e => e.Type == EventType.DossierReceived).ToList();

        events.Should().NotBeEmpty().And.OnlyContain(e => units.Contains(e.UnitCode));
        received.Select(e => e.UnitCode).Distinct().Should().BeEquivalentTo(["S01-0001", "S01-0002", "S02-0001"],
            "communes receive; provinces without routed departments receive nothing");
        received.Count.Should().BeInRange(3 * 30, 3 * 70, $"each commune averages {TrafficProfile.OtherCommuneDossiersPerDay} a working day");
    }

    [Fact]
    public void The_scale_multiplies_the_volume_and_scale_one_is_the_built_in_citys_traffic_unchanged()
    {
        var full = Received(Simulate(UnitDirectory.HoChiMinhCity, seed: 4, scale: 1));
        var tenth = Received(Simulate(UnitDirectory.HoChiMinhCity, seed: 4, scale: 0.1));
        var unscaled = new CitySimulator(new TrafficProfile(UnitDirectory.HoChiMinhCity, 4), ProcedureCatalog.Reference, 4, Day).Advance(Day.AddDays(1));

        ((double)tenth / full).Should().BeApproximately(0.1, 0.01);
        Simulate(UnitDirectory.HoChiMinhCity, seed: 4, scale: 1).Should().Equal(unscaled);
    }

    [Fact]
    public void The_synthetic_nation_receives_about_ten_times_the_city_and_the_city_within_it_what_it_published()
    {
        var nation = SyntheticNation.Create(2026);

        var events = Simulate(nation, seed: 2026, scale: 1);
        var received = events.Where(e => e.Type == EventType.DossierReceived).ToList();
        var city = Received(Simulate(UnitDirectory.HoChiMinhCity, seed: 2026, scale: 1));

        events.Should().OnlyContain(e => nation.Contains(e.UnitCode));
        ((double)received.Count / city).Should().BeInRange(9, 11);
        received.Count(e => nation.ProvinceOf(nation.Find(e.UnitCode)!)!.Code == "79").Should().BeInRange(15_500, 17_600, "HCMC's units keep its published volume");
        received.Select(e => e.UnitCode).Distinct().Count().Should().BeGreaterThan(3_300, "nearly every one of the 3,321 communes receives on a working day");
        received.Select(e => e.DossierId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void A_scale_of_zero_or_less_is_refused()
    {
        var zero = () => new TrafficProfile(UnitDirectory.HoChiMinhCity, 1, 0);

        zero.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static IReadOnlyList<UnitEvent> Simulate(UnitDirectory units, int seed, double scale) =>
        new CitySimulator(new TrafficProfile(units, seed, scale), ProcedureCatalog.Reference, seed, Day).Advance(Day.AddDays(1));

    private static int Received(IReadOnlyList<UnitEvent> events) => events.Count(e => e.Type == EventType.DossierReceived);
}
