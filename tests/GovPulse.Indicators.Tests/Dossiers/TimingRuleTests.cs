using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>The PROGRESS timing rules of indicators-766.md, one example each.</summary>
public sealed class TimingRuleTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Vietnam;

    // Monday 14 September 2026, 09:00, due Wednesday 16 September 17:00.
    private static readonly DateTimeOffset Monday = At(9, 14, 9);
    private static readonly DateTimeOffset WednesdayDue = At(9, 16, 17);

    [Fact]
    public void Citizen_supplement_time_moves_the_due_time_later()
    {
        var dossier = Build(new DossierHistory("d")
            .Received(Monday, WednesdayDue)
            .SupplementRequested(At(9, 15, 10))
            .SupplementReceived(At(9, 17, 10))   // the citizen took 48 hours
            .Completed(At(9, 18, 12)));

        var standing = dossier.Judge(At(9, 30, 0), Calendar);

        standing.EffectiveDue.Should().Be(At(9, 18, 17));
        standing.Outcome.Should().Be(DossierOutcome.FinishedOnTime);
        standing.ProcessingDays.Should().BeApproximately(2.125m, 0.0001m); // 4 days 3 hours less 2 days
    }

    [Fact]
    public void A_second_supplement_request_makes_the_dossier_late_even_when_finished_before_due()
    {
        var dossier = Build(new DossierHistory("d")
            .Received(Monday, WednesdayDue)
            .SupplementRequested(At(9, 14, 10))
            .SupplementReceived(At(9, 14, 11))
            .SupplementRequested(At(9, 14, 14))
            .SupplementReceived(At(9, 14, 15))
            .Completed(At(9, 15, 9)));

        dossier.Judge(At(9, 30, 0), Calendar).Outcome.Should().Be(DossierOutcome.FinishedLate);
        dossier.Judge(At(9, 14, 16), Calendar).Outcome.Should().Be(DossierOutcome.InProgressOverdue);
    }

    [Fact]
    public void One_supplement_request_never_answered_ends_the_dossier_at_the_request()
    {
        var dossier = Build(new DossierHistory("d").Received(Monday, WednesdayDue).SupplementRequested(At(9, 15, 10)));

        var standing = dossier.Judge(At(9, 30, 0), Calendar);

        standing.FinishedAt.Should().Be(At(9, 15, 10));
        standing.Outcome.Should().Be(DossierOutcome.FinishedEarly);
    }

    [Fact]
    public void A_refusal_before_the_due_time_is_on_time()
    {
        var dossier = Build(new DossierHistory("d").Received(Monday, WednesdayDue).Refused(At(9, 16, 16)));

        dossier.Judge(At(9, 30, 0), Calendar).Outcome.Should().Be(DossierOutcome.FinishedOnTime);
    }

    [Fact]
    public void Finishing_before_the_due_date_is_early_and_on_the_due_date_is_on_time()
    {
        Build(new DossierHistory("a").Received(Monday, WednesdayDue).Completed(At(9, 15, 16))).Judge(At(9, 30, 0), Calendar)
            .Outcome.Should().Be(DossierOutcome.FinishedEarly);
        Build(new DossierHistory("b").Received(Monday, WednesdayDue).Completed(At(9, 16, 16, 59))).Judge(At(9, 30, 0), Calendar)
            .Outcome.Should().Be(DossierOutcome.FinishedOnTime);
        Build(new DossierHistory("c").Received(Monday, WednesdayDue).Completed(At(9, 16, 17, 1))).Judge(At(9, 30, 0), Calendar)
            .Outcome.Should().Be(DossierOutcome.FinishedLate);
    }

    [Fact]
    public void An_open_dossier_turns_overdue_at_the_very_instant_its_due_time_passes()
    {
        var dossier = Build(new DossierHistory("d").Received(Monday, WednesdayDue));

        dossier.Judge(WednesdayDue.AddTicks(-1), Calendar).Outcome.Should().Be(DossierOutcome.InProgressOnTime);
        dossier.Judge(WednesdayDue, Calendar).Outcome.Should().Be(DossierOutcome.InProgressOverdue);
        dossier.TurnsOverdueAt(Monday.AddHours(1), Calendar).Should().Be(WednesdayDue);
        dossier.TurnsOverdueAt(WednesdayDue, Calendar).Should().BeNull();
    }

    [Fact]
    public void Processing_completed_wins_over_result_returned_for_the_finish_time()
    {
        var dossier = Build(new DossierHistory("d").Received(Monday, WednesdayDue).ResultReturned(At(9, 17, 9)).Completed(At(9, 16, 15)));

        var standing = dossier.Judge(At(9, 30, 0), Calendar);

        standing.FinishedAt.Should().Be(At(9, 16, 15));
        standing.Outcome.Should().Be(DossierOutcome.FinishedOnTime);
    }

    [Fact]
    public void Without_a_due_date_the_statutory_working_days_count_from_receipt()
    {
        // 3 working days from Monday 14 September: Thursday 17 September, 17:00.
        var dossier = Build(new DossierHistory("d").Received(Monday, workingDays: 3).Completed(At(9, 17, 16)));

        var standing = dossier.Judge(At(9, 30, 0), Calendar);

        standing.EffectiveDue.Should().Be(Calendar.DueAfter(Monday, 3));
        standing.Outcome.Should().Be(DossierOutcome.FinishedOnTime);
    }

    [Fact]
    public void An_apology_letter_does_not_move_the_due_date()
    {
        var dossier = Build(new DossierHistory("d").Received(Monday, WednesdayDue).Apology(At(9, 16, 10), At(9, 21, 17)).Completed(At(9, 18, 10)));

        dossier.Judge(At(9, 30, 0), Calendar).Outcome.Should().Be(DossierOutcome.FinishedLate);
        dossier.ApologiesUntil(At(9, 30, 0)).Should().Be(1);
    }

    [Fact]
    public void Facts_after_the_evaluation_time_have_not_happened_yet()
    {
        var dossier = Build(new DossierHistory("d").Received(Monday, WednesdayDue).Completed(At(9, 18, 10)));

        dossier.Judge(At(9, 15, 12), Calendar).Outcome.Should().Be(DossierOutcome.InProgressOnTime);
        dossier.Judge(At(9, 17, 12), Calendar).Outcome.Should().Be(DossierOutcome.InProgressOverdue);
        dossier.Judge(At(9, 19, 12), Calendar).Outcome.Should().Be(DossierOutcome.FinishedLate);
    }

    [Fact]
    public void A_withdrawal_finishes_only_a_dossier_already_received()
    {
        var dossier = Build(new DossierHistory("d").Withdrawn(At(9, 14, 8)).Received(Monday, WednesdayDue));

        dossier.Judge(At(9, 15, 0), Calendar).Outcome.Should().Be(DossierOutcome.InProgressOnTime);
    }

    private static Dossier Build(DossierHistory stream)
    {
        var dossier = new Dossier("d");
        foreach (var e in stream.Events)
        {
            dossier.Apply(e);
        }

        return dossier;
    }
}
