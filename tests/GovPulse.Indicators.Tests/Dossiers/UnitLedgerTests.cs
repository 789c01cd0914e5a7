using CsCheck;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Dossiers;

public sealed class UnitLedgerTests
{
    private static readonly Period September = Period.Month(2026, 9);
    private static readonly Period October = Period.Month(2026, 10);

    [Fact]
    public void A_dossier_belongs_to_the_period_of_its_receipt_with_the_boundary_at_midnight_in_Vietnam()
    {
        var ledger = Ledger(
            new DossierHistory("last").Received(new DateTimeOffset(2026, 9, 30, 23, 59, 59, Vietnam), At(10, 2, 17)),
            new DossierHistory("first").Received(new DateTimeOffset(2026, 10, 1, 0, 0, 0, Vietnam), At(10, 2, 17)),
            new DossierHistory("utc").Received(new DateTimeOffset(2026, 9, 30, 17, 0, 0, TimeSpan.Zero), At(10, 2, 17)));

        ledger.Tally(September, September.End).Received.Should().Be(1);
        ledger.Tally(October, October.End).Received.Should().Be(2);
    }

    [Fact]
    public void Events_that_arrive_before_the_receipt_are_held_and_counted_when_it_comes()
    {
        var ledger = new UnitLedger(WorkingDayCalendar.Vietnam);
        var stream = new DossierHistory("d").Received(At(9, 14, 9), At(9, 16, 17)).Completed(At(9, 15, 9)).Synced(At(9, 14, 9, 5));

        ledger.Apply(stream.Events[1]).Should().BeTrue();
        ledger.Apply(stream.Events[2]).Should().BeTrue();
        ledger.Tally(September, September.End).Received.Should().Be(0);
        ledger.Apply(stream.Events[0]).Should().BeTrue();

        var tally = ledger.Tally(September, September.End);
        tally.Received.Should().Be(1);
        tally.FinishedEarly.Should().Be(1);
        tally.Synced.Should().Be(1);
    }

    [Fact]
    public void The_tally_counts_each_dossier_indicator()
    {
        var ledger = Ledger(
            new DossierHistory("a").Received(At(9, 14, 9), At(9, 16, 17), channel: Channel.Online, fee: 50_000, citizenData: true)
                .PaidOnline(At(9, 14, 9, 10)).Digitized(At(9, 14, 9, 20), reused: true, linked: true).Synced(At(9, 14, 9, 30))
                .Completed(At(9, 15, 10)).ResultReturned(At(9, 15, 11), electronic: true).Rated(At(9, 15, 12), Rating.Satisfied),
            new DossierHistory("b").Received(At(9, 14, 10), At(9, 15, 17), fee: 20_000)
                .Completed(At(9, 16, 10)).ResultReturned(At(9, 16, 11)).Rated(At(9, 16, 12), Rating.Dissatisfied),
            new DossierHistory("c").Received(At(9, 29, 10), At(10, 2, 17), paperResult: false).Digitized(At(9, 29, 11)));

        var tally = ledger.Tally(September, At(9, 30, 12));

        tally.Received.Should().Be(3);
        tally.FinishedEarly.Should().Be(1);
        tally.FinishedLate.Should().Be(1);
        tally.InProgressOnTime.Should().Be(1);
        tally.OnTime.Should().Be(2);
        tally.ReceivedOnline.Should().Be(1);
        tally.ProceduresWithOnlineDossiers.Should().Be(1);
        tally.FeeDossiers.Should().Be(2);
        tally.FeeDossiersPaidOnline.Should().Be(1);
        tally.FeeProceduresWithDossiers.Should().Be(1);
        tally.FeeProceduresPaidOnline.Should().Be(1);
        tally.PaperResultFinished.Should().Be(2);
        tally.ElectronicResultOfPaper.Should().Be(1);
        tally.Digitized.Should().Be(2);
        tally.ReusedData.Should().Be(1);
        tally.PersonalStoreLinked.Should().Be(1);
        tally.CitizenData.Should().Be(1);
        tally.Synced.Should().Be(1);
        tally.Unsatisfactory.Should().Be(1, "b is both late and rated dissatisfied, and counts once");
    }

    [Fact]
    public void The_next_moment_a_dossier_turns_overdue_is_the_earliest_open_due_time()
    {
        var ledger = Ledger(
            new DossierHistory("a").Received(At(9, 14, 9), At(9, 16, 17)),
            new DossierHistory("b").Received(At(9, 14, 9), At(9, 15, 17)),
            new DossierHistory("c").Received(At(9, 14, 9), At(9, 15, 12)).Completed(At(9, 14, 15)));

        ledger.NextTurnOverdue(At(9, 14, 16)).Should().Be(At(9, 15, 17));
        ledger.NextTurnOverdue(At(9, 15, 17)).Should().Be(At(9, 16, 17));
        ledger.NextTurnOverdue(At(9, 16, 17)).Should().BeNull();
    }

    [Fact]
    public void Any_order_and_any_duplicates_give_the_tally_of_in_order_exactly_once_delivery()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var events = RandomUnitStream.Of(random);
            var inOrder = new UnitLedger(WorkingDayCalendar.Vietnam);
            foreach (var e in events)
            {
                inOrder.Apply(e);
            }

            var delivered = events.Concat(events.Where(_ => random.NextDouble() < 0.3)).OrderBy(_ => random.Next()).ToList();
            var shuffled = new UnitLedger(WorkingDayCalendar.Vietnam);
            foreach (var e in delivered)
            {
                shuffled.Apply(e);
            }

            foreach (var evaluatedAt in new[] { At(9, 15, 12), At(9, 22, 9), September.End })
            {
                shuffled.Tally(September, evaluatedAt).Should().Be(inOrder.Tally(September, evaluatedAt));
            }
        }, iter: 200);
    }

    [Fact]
    public void A_ledger_that_cached_earlier_tallies_answers_like_a_ledger_built_fresh()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var events = RandomUnitStream.Of(random);
            var live = new UnitLedger(WorkingDayCalendar.Vietnam);
            var applied = new List<UnitEvent>();
            var evaluationTimes = Enumerable.Range(0, 8).Select(_ => At(9, 1 + random.Next(29), random.Next(24))).Append(September.End).ToList();
            foreach (var e in events.OrderBy(_ => random.Next()))
            {
                live.Apply(e);
                applied.Add(e);
                if (random.Next(4) != 0)
                {
                    continue;
                }

                // Ask several times, in any order: the answers must not depend on what was cached before.
                foreach (var evaluatedAt in evaluationTimes.OrderBy(_ => random.Next()).Take(3))
                {
                    var fresh = new UnitLedger(WorkingDayCalendar.Vietnam);
                    foreach (var a in applied)
                    {
                        fresh.Apply(a);
                    }

                    live.Tally(September, evaluatedAt).Should().Be(fresh.Tally(September, evaluatedAt));
                    live.NextTurnOverdue(evaluatedAt).Should().Be(fresh.NextTurnOverdue(evaluatedAt));
                }
            }
        }, iter: 60);
    }

    private static UnitLedger Ledger(params DossierHistory[] streams)
    {
        var ledger = new UnitLedger(WorkingDayCalendar.Vietnam);
        foreach (var e in streams.SelectMany(s => s.Events))
        {
            ledger.Apply(e);
        }

        return ledger;
    }
}
