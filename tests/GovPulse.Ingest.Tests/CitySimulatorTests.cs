using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Simulation;

namespace GovPulse.Ingest.Tests;

/// <summary>
/// The generator behind the node's quick-start simulator and <c>govpulse simulate</c>, checked
/// against what HCMC published (indicators-766.md §5, procedure-volumes.md) over a simulated
/// month of working days (<see cref="SimulatedSeptember"/>), scored by the real 766 engine.
/// </summary>
public sealed class CitySimulatorTests(SimulatedSeptember month) : IClassFixture<SimulatedSeptember>
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
        var ended = lives.Count(life => life.Any(e => e.Type.IsFinishing()) || life[^1].Type == EventType.SupplementRequested);
        ended.Should().Be(2_000, "every simulated dossier ends: finished, refused, withdrawn, or at a supplement request never answered");
        var late = lives.Count(life => life.FirstOrDefault(e => e.Type == EventType.ProcessingCompleted) is { } done && done.OccurredAt > life[0].DueAt!.Value.AddHours(48));
        ((double)late / lives.Count).Should().BeInRange(0.01, 0.08);
    }

    [Fact]
    public void A_working_day_receives_what_the_city_published_for_2_July_2025()
    {
        var days = month.WorkingDays.Count;

        (month.Received / (double)days).Should().BeApproximately(16_571, 16_571 * 0.03, "16,571 dossiers city-wide in one day");
        (month.ReceivedAtCommunes / (double)days).Should().BeApproximately(9_184, 9_184 * 0.03, "9,184 at commune level");
        ((month.Received - month.ReceivedAtCommunes) / (double)days).Should().BeApproximately(7_387, 7_387 * 0.05, "the rest at city level");
        (month.ReceivedAtCommunes / (double)days / 168).Should().BeApproximately(54.7, 54.7 * 0.03, "about 55 a day per commune on average");
        (month.BusiestCommune / (double)days).Should().BeApproximately(365, 365 * 0.05, "the busiest ward received 365");
    }

    [Fact]
    public void About_42_percent_arrive_online_57_percent_at_commune_level()
    {
        (month.ReceivedOnline / (double)month.Received).Should().BeApproximately(6_898.0 / 16_571, 0.015);
        (month.ReceivedOnlineAtCommunes / (double)month.ReceivedAtCommunes).Should().BeApproximately(5_207.0 / 9_184, 0.015);
        ((month.ReceivedOnline - month.ReceivedOnlineAtCommunes) / (double)(month.Received - month.ReceivedAtCommunes))
            .Should().BeApproximately(1_691.0 / 7_387, 0.015);
    }

    [Fact]
    public void Dossiers_are_received_on_working_days_of_the_calendar_in_office_hours()
    {
        var workingDays = Enumerable.Range(1, 30).Select(d => new DateOnly(2026, 9, d)).Where(WorkingDayCalendar.Vietnam.IsWorkingDay).ToList();

        workingDays.Should().HaveCount(21).And.NotContain(new DateOnly(2026, 9, 2), "National Day is a day off");
        month.WorkingDays.Should().BeEquivalentTo(workingDays);
        month.ReceivedOutsideOfficeHours.Should().Be(0);
    }

    [Fact]
    public void A_make_up_Saturday_receives_and_a_swapped_day_off_does_not()
    {
        var makeUpSaturday = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.FromHours(7));
        var swappedDayOff = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.FromHours(7));

        Simulate(seed: 1, makeUpSaturday, makeUpSaturday.AddDays(1)).Count(e => e.Type == EventType.DossierReceived).Should().BeGreaterThan(15_000);
        Simulate(seed: 1, swappedDayOff, swappedDayOff.AddDays(1)).Should().NotContain(e => e.Type == EventType.DossierReceived);
    }

    [Fact]
    public void Certified_copies_and_civil_status_follow_the_published_mix()
    {
        var share = month.CommuneProcedureShares;

        share["2.000815"].Should().BeInRange(0.15, 0.35, "a certified copy from the original is 15–35% of a commune's dossiers");
        var civilStatus = share["1.001193"] + share["1.000656"] + share["1.000894"] + share["1.004884"];
        (share["1.001193"] / civilStatus).Should().BeApproximately(0.45, 0.05, "births are about 45% of civil-status registrations");
        (share["1.000656"] / civilStatus).Should().BeApproximately(0.21, 0.05, "deaths about 21%");
        (share["1.000894"] / civilStatus).Should().BeApproximately(0.20, 0.05, "marriages about 20%");
    }

    [Fact]
    public void About_99_percent_finish_by_their_appointment_and_the_766_figure_is_a_few_points_lower()
    {
        var onTime766 = month.City.OnTime / (double)month.City.Received;

        month.FinishedByLastAppointment.Should().BeInRange(0.985, 0.997, "the city keeps about 99% early or on time under the older counting, where an apology letter moved the appointment");
        onTime766.Should().BeInRange(0.95, 0.985, "Decision 766 ignores apology letters and counts a second supplement request as overdue");
        (month.City.Apologies / (double)month.City.Received).Should().BeInRange(0.015, 0.04);
    }

    [Fact]
    public void Units_differ_in_timeliness_so_rankings_mean_something()
    {
        var ratios = month.Units.Values.Where(t => t.Received > 200).Select(t => t.OnTime / (double)t.Received).Order().ToList();

        (ratios[(int)(ratios.Count * 0.9)] - ratios[(int)(ratios.Count * 0.1)]).Should().BeGreaterThan(0.03);
        ratios[0].Should().BeGreaterThan(0.8, "no unit is simulated into collapse");
    }

    [Fact]
    public void Supplement_requests_refusals_and_withdrawals_keep_their_shares()
    {
        double Share(long n) => n / (double)month.Received;

        Share(month.WithSupplementRequest).Should().BeInRange(0.03, 0.06);
        Share(month.WithSecondRequest).Should().BeInRange(0.0005, 0.005, "a second request makes a dossier overdue under 766");
        Share(month.WithUnansweredRequest).Should().BeInRange(0.001, 0.008, "a request never answered ends the dossier");
        Share(month.Refused).Should().BeInRange(0.01, 0.02);
        Share(month.Withdrawn).Should().BeInRange(0.002, 0.008);
    }

    [Fact]
    public void Payments_digitisation_sync_and_ratings_land_in_their_ranges()
    {
        var city = month.City;

        (city.FeeDossiersPaidOnline / (double)city.FeeDossiers).Should().BeInRange(0.35, 0.55, "online filers mostly pay online, counter filers seldom");
        (city.Digitized / (double)city.Received).Should().BeInRange(0.95, 0.99);
        (city.ElectronicResultOfPaper / (double)city.PaperResultFinished).Should().BeInRange(0.5, 0.7);
        (city.Synced / (double)city.Received).Should().BeInRange(0.95, 0.99);
        (city.CitizenData / (double)city.Received).Should().BeInRange(0.7, 0.8);
        (month.Rated / (double)city.Finished).Should().BeInRange(0.15, 0.25);
        (month.RatedSatisfied / (double)month.Rated).Should().BeInRange(0.85, 0.95);
        ((city.Received - city.Unsatisfactory) / (double)city.Received).Should().BeInRange(0.95, 0.99);
    }

    private static List<UnitEvent> Simulate(int seed, DateTimeOffset from, DateTimeOffset to)
    {
        var simulator = new CitySimulator(new TrafficProfile(UnitDirectory.HoChiMinhCity, seed), ProcedureCatalog.Reference, seed, from);
        return simulator.Advance(to).ToList();
    }
}

/// <summary>
/// September 2026 (21 working days; 2 September, National Day, is off) simulated with seed 2026 and
/// measured on the way: receipts, shares, and every unit's 766 tally at the end of the month.
/// Events stream through; only counts are kept.
/// </summary>
public sealed class SimulatedSeptember
{
    private static readonly DateTimeOffset From = new(2026, 9, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset To = new(2026, 10, 1, 0, 0, 0, TimeSpan.FromHours(7));

    public SimulatedSeptember()
    {
        var units = UnitDirectory.HoChiMinhCity;
        var ledgers = units.All.ToDictionary(u => u.Code, _ => new UnitLedger(WorkingDayCalendar.Vietnam), StringComparer.Ordinal);
        var perUnit = new Dictionary<string, long>(StringComparer.Ordinal);
        var procedures = new Dictionary<string, long>(StringComparer.Ordinal);
        var lives = new Dictionary<string, Life>(StringComparer.Ordinal);
        var workingDays = new HashSet<DateOnly>();
        var simulator = new CitySimulator(new TrafficProfile(units, 2026), ProcedureCatalog.Reference, 2026, From);
        for (var until = From.AddDays(1); until <= To; until = until.AddDays(1))
        {
            foreach (var e in simulator.Advance(until))
            {
                ledgers[e.UnitCode].Apply(e);
                var life = e.Type == EventType.DossierReceived ? new Life(e.DueAt!.Value) : lives[e.DossierId!];
                lives[e.DossierId!] = life;
                switch (e.Type)
                {
                    case EventType.DossierReceived:
                        var atCommune = units.Find(e.UnitCode)!.Kind == UnitKind.Commune;
                        Received++;
                        ReceivedOnline += e.Channel == Channel.Online ? 1 : 0;
                        ReceivedAtCommunes += atCommune ? 1 : 0;
                        ReceivedOnlineAtCommunes += atCommune && e.Channel == Channel.Online ? 1 : 0;
                        ReceivedOutsideOfficeHours += OfficeHours.IsOpen(e.OccurredAt) ? 0 : 1;
                        workingDays.Add(VietnamTime.LocalDate(e.OccurredAt));
                        perUnit[e.UnitCode] = perUnit.GetValueOrDefault(e.UnitCode) + 1;
                        if (atCommune)
                        {
                            procedures[e.ProcedureCode!] = procedures.GetValueOrDefault(e.ProcedureCode!) + 1;
                        }

                        break;
                    case EventType.SupplementRequested:
                        life.Requests++;
                        life.AskedAt = e.OccurredAt;
                        break;
                    case EventType.SupplementReceived:
                        life.CitizenWait += e.OccurredAt - life.AskedAt!.Value;
                        life.AskedAt = null;
                        break;
                    case EventType.ApologyIssued:
                        life.NewDueAt = e.NewDueAt;
                        break;
                    case EventType.ProcessingCompleted:
                        life.FinishedAt = e.OccurredAt;
                        break;
                    case EventType.DossierRefused:
                        Refused++;
                        break;
                    case EventType.DossierWithdrawn:
                        Withdrawn++;
                        break;
                    case EventType.DossierRated:
                        Rated++;
                        RatedSatisfied += e.Rating == Rating.Satisfied ? 1 : 0;
                        break;
                }
            }
        }

        var september = Period.Month(2026, 9);
        Units = ledgers.ToDictionary(kv => kv.Key, kv => kv.Value.Tally(september, To), StringComparer.Ordinal);
        City = Units.Values.Aggregate(DossierTally.Zero, (sum, t) => sum + t);
        WorkingDays = workingDays;
        BusiestCommune = perUnit.Where(kv => units.Find(kv.Key)!.Kind == UnitKind.Commune).Max(kv => kv.Value);
        CommuneProcedureShares = procedures.ToDictionary(kv => kv.Key, kv => kv.Value / (double)ReceivedAtCommunes, StringComparer.Ordinal);
        WithSupplementRequest = lives.Values.Count(l => l.Requests > 0);
        WithSecondRequest = lives.Values.Count(l => l.Requests > 1);
        WithUnansweredRequest = lives.Values.Count(l => l.AskedAt is not null && l.FinishedAt is null);
        var finished = lives.Values.Where(l => l.FinishedAt is not null).ToList();
        FinishedByLastAppointment = finished.Count(l => l.FinishedAt <= (l.NewDueAt ?? l.DueAt + l.CitizenWait)) / (double)finished.Count;
    }

    public long Received { get; }

    public long ReceivedOnline { get; }

    public long ReceivedAtCommunes { get; }

    public long ReceivedOnlineAtCommunes { get; }

    public long ReceivedOutsideOfficeHours { get; }

    public long BusiestCommune { get; }

    public IReadOnlySet<DateOnly> WorkingDays { get; }

    /// <summary>Share of commune dossiers per procedure code.</summary>
    public IReadOnlyDictionary<string, double> CommuneProcedureShares { get; }

    public long WithSupplementRequest { get; }

    public long WithSecondRequest { get; }

    public long WithUnansweredRequest { get; }

    public long Refused { get; }

    public long Withdrawn { get; }

    public long Rated { get; }

    public long RatedSatisfied { get; }

    /// <summary>The older counting: finished by the appointment, moved by supplement waits and by an apology letter's new date.</summary>
    public double FinishedByLastAppointment { get; }

    /// <summary>Each unit's 766 tally of September, evaluated at the end of the month.</summary>
    public IReadOnlyDictionary<string, DossierTally> Units { get; }

    public DossierTally City { get; }

    private sealed class Life(DateTimeOffset dueAt)
    {
        public DateTimeOffset DueAt { get; } = dueAt;

        public int Requests { get; set; }

        public DateTimeOffset? AskedAt { get; set; }

        public TimeSpan CitizenWait { get; set; }

        public DateTimeOffset? NewDueAt { get; set; }

        public DateTimeOffset? FinishedAt { get; set; }
    }
}
