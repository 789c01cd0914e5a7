using CsCheck;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>
/// Issue 16: the next moment an open dossier turns overdue comes from the ledger's due queue, not a scan
/// of every open dossier; it must answer exactly as that scan did, for evaluation times in any order.
/// </summary>
public sealed class DueQueueTests
{
    [Fact]
    public void The_earliest_due_time_after_now_of_an_open_dossier_is_next()
    {
        var ledger = Ledgers.Build(
            new DossierHistory("late").Received(At(9, 1, 9), At(9, 20, 17)).Events
                .Concat(new DossierHistory("soon").Received(At(9, 2, 9), At(9, 10, 17)).Events)
                .Concat(new DossierHistory("sooner-but-done").Received(At(9, 2, 9), At(9, 5, 17)).Completed(At(9, 3, 9)).Events));

        ledger.NextTurnOverdue(At(9, 4, 8)).Should().Be(At(9, 10, 17));
        ledger.NextTurnOverdue(At(9, 10, 17)).Should().Be(At(9, 20, 17), "a due time is next only while it is after now");
        ledger.NextTurnOverdue(At(9, 20, 17)).Should().BeNull();
        ledger.NextTurnOverdue(At(9, 4, 8)).Should().Be(At(9, 10, 17), "evaluation times come in any order");
    }

    [Fact]
    public void A_dossier_that_finishes_leaves_the_queue_and_one_with_a_second_request_never_turns_overdue()
    {
        var ledger = Ledgers.Build(new DossierHistory("a").Received(At(9, 1, 9), At(9, 10, 17)).Events
            .Concat(new DossierHistory("b").Received(At(9, 1, 9), At(9, 12, 17)).Events));
        ledger.NextTurnOverdue(At(9, 2, 9)).Should().Be(At(9, 10, 17));

        ledger.Apply(new DossierHistory("a").Completed(At(9, 3, 9)).Events[0]);
        ledger.NextTurnOverdue(At(9, 4, 9)).Should().Be(At(9, 12, 17));

        foreach (var e in new DossierHistory("b").SupplementRequested(At(9, 4, 9)).SupplementReceived(At(9, 4, 10)).SupplementRequested(At(9, 5, 9)).Events)
        {
            ledger.Apply(e);
        }

        ledger.NextTurnOverdue(At(9, 6, 9)).Should().BeNull("two supplement requests make it overdue already");
        ledger.NextTurnOverdue(At(9, 4, 12)).Should().Be(At(9, 12, 18), "before the second request it was due an hour later (the citizen's wait)");
    }

    [Fact]
    public void The_next_due_time_equals_the_scan_of_every_open_dossier_for_any_stream_and_time()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var ledger = new UnitLedger(WorkingDayCalendar.Vietnam);
            foreach (var (e, _) in MonthsOfUnitStream.Delivered(random, dossiers: 24, petitions: 0))
            {
                ledger.Apply(e);
                if (random.Next(6) == 0)
                {
                    var at = At(6, 1, 0).AddMinutes(random.Next(60 * 24 * 240));
                    ledger.NextTurnOverdue(at).Should().Be(Scan(ledger, at), $"seed {seed}, at {at:O}");
                }
            }

            foreach (var at in Enumerable.Range(0, 20).Select(_ => At(6, 1, 0).AddMinutes(random.Next(60 * 24 * 240))))
            {
                ledger.NextTurnOverdue(at).Should().Be(Scan(ledger, at), $"seed {seed}, at {at:O}");
            }
        }, iter: 150, threads: 1);
    }

    /// <summary>What the ledger answered before issue 16: every open dossier judged at now.</summary>
    private static DateTimeOffset? Scan(UnitLedger ledger, DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        foreach (var dossier in ledger.OpenDossiers)
        {
            if (dossier.TurnsOverdueAt(now, ledger.Calendar) is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }
}
