using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>Why each dossier to chase is overdue, and how many working days late, built from events.</summary>
public sealed class OverdueReasonTests
{
    // Sunday 6 December 2026, 10:00 in Ho Chi Minh City.
    private static readonly DateTimeOffset Sunday = At(12, 6, 10);

    [Fact]
    public void A_passed_due_time_is_the_reason_and_the_dossier_is_overdue_since_that_time()
    {
        var ledger = Ledger(new DossierHistory("due-friday").Received(At(11, 27, 9), due: At(12, 4, 17)));

        var row = ChaseList.Of(ledger, ChaseStatus.Overdue, Sunday, limit: 10).Dossiers.Should().ContainSingle().Subject;

        row.OverdueReason.Should().Be(OverdueReason.DuePassed);
        row.OverdueSince.Should().Be(At(12, 4, 17));
        row.WorkingDaysLeft.Should().BeNull();
    }

    [Fact]
    public void A_second_supplement_request_makes_a_dossier_due_next_week_overdue_for_that_reason()
    {
        var ledger = Ledger(new DossierHistory("asked-twice").Received(At(11, 30, 9), due: At(12, 9, 17))
            .SupplementRequested(At(12, 1, 9)).SupplementReceived(At(12, 2, 9)).SupplementRequested(At(12, 3, 9)));

        var overdue = ChaseList.Of(ledger, ChaseStatus.Overdue, Sunday, limit: 10);
        var soon = ChaseList.Of(ledger, ChaseStatus.DueSoon, Sunday, limit: 10);

        var row = overdue.Dossiers.Should().ContainSingle().Subject;
        row.OverdueReason.Should().Be(OverdueReason.SecondSupplementRequest);
        row.OverdueSince.Should().BeNull("its due time has not come");
        row.DueAt.Should().Be(At(12, 9, 17), "with more than one request the citizen's time does not move the due time");
        row.SupplementRequests.Should().Be(2);
        row.WorkingDaysLate.Should().Be(0);
        soon.Dossiers.Should().BeEmpty("an overdue dossier is not 'due soon', whatever its due date");
    }

    [Fact]
    public void A_due_time_passed_after_two_requests_is_the_reason_carrying_the_days_late()
    {
        var ledger = Ledger(new DossierHistory("asked-twice-late").Received(At(11, 20, 9), due: At(12, 3, 17))
            .SupplementRequested(At(11, 23, 9)).SupplementReceived(At(11, 24, 9)).SupplementRequested(At(11, 25, 9)));

        var row = ChaseList.Of(ledger, ChaseStatus.Overdue, Sunday, limit: 10).Dossiers.Should().ContainSingle().Subject;

        row.OverdueReason.Should().Be(OverdueReason.DuePassed);
        row.OverdueSince.Should().Be(At(12, 3, 17));
        row.WorkingDaysLate.Should().Be(1, "Friday 4 December is the one working day after the due day");
        row.SupplementRequests.Should().Be(2);
    }

    [Fact]
    public void One_unanswered_supplement_request_ends_the_dossier_so_nobody_chases_it()
    {
        var ledger = Ledger(new DossierHistory("waiting-for-citizen").Received(At(11, 20, 9), due: At(12, 3, 17)).SupplementRequested(At(11, 23, 9)));

        var list = ChaseList.Of(ledger, ChaseStatus.InProgress, Sunday, limit: 10);

        list.Dossiers.Should().BeEmpty();
        list.Counts.Should().Be(ChaseCounts.None);
    }

    [Theory]
    [InlineData(6, 0)]   // Sunday: no working day since Friday's due day
    [InlineData(7, 1)]   // Monday
    [InlineData(8, 2)]   // Tuesday
    public void Working_days_late_skip_the_weekend(int viewedOnDay, int late)
    {
        var ledger = Ledger(new DossierHistory("due-friday").Received(At(11, 27, 9), due: At(12, 4, 17)));

        var row = ChaseList.Of(ledger, ChaseStatus.Overdue, At(12, viewedOnDay, 10), limit: 10).Dossiers.Should().ContainSingle().Subject;

        row.WorkingDaysLate.Should().Be(late);
    }

    [Theory]
    [InlineData(4, 30, 0)]   // Thursday 30 April: Reunification Day
    [InlineData(5, 1, 0)]    // Friday 1 May: Labour Day
    [InlineData(5, 3, 0)]    // Sunday
    [InlineData(5, 4, 1)]    // Monday 4 May: the first working day after the due day
    public void Working_days_late_skip_public_holidays(int month, int day, int late)
    {
        var ledger = Ledger(new DossierHistory("due-before-the-holidays").Received(At(4, 20, 9), due: At(4, 29, 17)));

        var row = ChaseList.Of(ledger, ChaseStatus.Overdue, At(month, day, 10), limit: 10).Dossiers.Should().ContainSingle().Subject;

        row.WorkingDaysLate.Should().Be(late);
    }

    private static UnitLedger Ledger(params DossierHistory[] histories)
    {
        var ledger = new UnitLedger(WorkingDayCalendar.Vietnam);
        foreach (var e in histories.SelectMany(h => h.Events))
        {
            ledger.Apply(e);
        }

        return ledger;
    }
}
