using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Simulation;

namespace GovPulse.Ingest.Tests;

public sealed class CitySimulatorTests
{
    // Wednesday 16 September 2026, a working day.
    private static readonly DateTimeOffset Day = new(2026, 9, 16, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_working_day_receives_about_what_the_city_published()
    {
        var events = Simulate(seed: 1, Day, Day.AddDays(1));
        var received = events.Where(e => e.Type == EventType.DossierReceived).ToList();

        received.Count.Should().BeInRange(15_500, 17_600, "2 July 2025 saw 16,571 dossiers city-wide");
        var communes = received.Where(e => UnitDirectory.HoChiMinhCity.Find(e.UnitCode)!.Kind == UnitKind.Commune).ToList();
        ((double)communes.Count(e => e.Channel == Channel.Online) / communes.Count).Should().BeApproximately(0.567, 0.03);
        communes.GroupBy(e => e.UnitCode).Max(g => g.Count()).Should().BeInRange(300, 430, "the busiest ward received 365");
        received.Select(e => e.DossierId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Nothing_is_received_outside_office_hours_or_at_weekends()
    {
        var saturday = new DateTimeOffset(2026, 9, 19, 0, 0, 0, TimeSpan.FromHours(7));

        Simulate(seed: 1, saturday, saturday.AddDays(1)).Should().NotContain(e => e.Type == EventType.DossierReceived);
        Simulate(seed: 1, Day, Day.AddHours(7.5)).Should().BeEmpty();
    }

    [Fact]
    public void The_same_seed_gives_the_same_events_however_time_is_stepped()
    {
        var oneStep = Simulate(seed: 5, Day.AddHours(8), Day.AddHours(10));
        var simulator = new CitySimulator(new TrafficProfile(UnitDirectory.HoChiMinhCity, 5), ProcedureCatalog.Reference, 5, Day.AddHours(8));
        var manySteps = new List<UnitEvent>();
        for (var t = Day.AddHours(8); t <= Day.AddHours(10); t = t.AddSeconds(97))
        {
            manySteps.AddRange(simulator.Advance(t));
        }

        manySteps.AddRange(simulator.Advance(Day.AddHours(10)));

        manySteps.Select(e => e.EventId).Should().BeEquivalentTo(oneStep.Select(e => e.EventId));
        Simulate(seed: 6, Day.AddHours(8), Day.AddHours(10)).Select(e => e.EventId).Should().NotEqual(oneStep.Select(e => e.EventId));
    }

    [Fact]
    public void A_simulated_dossier_life_starts_with_its_receipt_and_almost_always_finishes()
    {
        var random = new Random(11);
        var procedures = ProcedureCatalog.Reference.All;
        var lives = Enumerable.Range(0, 2_000)
            .Select(i => DossierScript.Write("26737", $"d{i}", procedures[i % procedures.Count], Channel.Direct, Day.AddHours(9), random).ToList())
            .ToList();

        lives.Should().OnlyContain(life => life[0].Type == EventType.DossierReceived && life.All(e => e.OccurredAt >= life[0].OccurredAt));
        lives.Should().OnlyContain(life => life.Select(e => e.EventId).Distinct().Count() == life.Count);
        var finished = lives.Count(life => life.Any(e => e.Type.IsFinishing()));
        finished.Should().Be(2_000, "every simulated dossier ends: finished, refused or withdrawn");
        var late = lives.Count(life => life.FirstOrDefault(e => e.Type == EventType.ProcessingCompleted) is { } done && done.OccurredAt > life[0].DueAt!.Value.AddHours(48));
        ((double)late / lives.Count).Should().BeInRange(0.01, 0.08);
    }

    private static List<UnitEvent> Simulate(int seed, DateTimeOffset from, DateTimeOffset to)
    {
        var simulator = new CitySimulator(new TrafficProfile(UnitDirectory.HoChiMinhCity, seed), ProcedureCatalog.Reference, seed, from);
        return simulator.Advance(to).ToList();
    }
}
