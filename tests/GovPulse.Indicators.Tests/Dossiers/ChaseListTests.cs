using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Dossiers;

public sealed class ChaseListTests
{
    // Friday 18 September 2026, 10:00 in Ho Chi Minh City.
    private static readonly DateTimeOffset Now = At(9, 18, 10);

    [Fact]
    public void Overdue_dossiers_come_most_late_first_with_working_days_late()
    {
        var ledger = Ledger(
            new DossierHistory("late-3").Received(At(9, 10, 9), due: At(9, 15, 17)),   // due Tuesday: Wed, Thu, Fri late
            new DossierHistory("late-0").Received(At(9, 17, 9), due: At(9, 18, 8)),    // due this morning
            new DossierHistory("on-time").Received(At(9, 17, 9), due: At(9, 22, 17)),
            new DossierHistory("done").Received(At(9, 10, 9), due: At(9, 11, 17)).Completed(At(9, 14, 9)));

        var list = ChaseList.Of(ledger, ChaseStatus.Overdue, Now, limit: 10);

        list.Total.Should().Be(2);
        list.Dossiers.Select(d => (d.DossierId, d.WorkingDaysLate)).Should().Equal(("late-3", 3), ("late-0", 0));
        list.Dossiers.Should().OnlyContain(d => d.Overdue && d.WorkingDaysLeft == null);
    }

    [Fact]
    public void Due_soon_means_on_time_and_due_within_two_working_days_skipping_the_weekend()
    {
        var ledger = Ledger(
            new DossierHistory("today").Received(At(9, 17, 9), due: At(9, 18, 17)),
            new DossierHistory("tuesday").Received(At(9, 17, 9), due: At(9, 22, 17)),   // Mon 21, Tue 22: 2 working days left
            new DossierHistory("wednesday").Received(At(9, 17, 9), due: At(9, 23, 17)),
            new DossierHistory("overdue").Received(At(9, 10, 9), due: At(9, 15, 17)));

        var soon = ChaseList.Of(ledger, ChaseStatus.DueSoon, Now, limit: 10);
        var open = ChaseList.Of(ledger, ChaseStatus.InProgress, Now, limit: 2);

        soon.Dossiers.Select(d => (d.DossierId, d.WorkingDaysLeft)).Should().Equal(("today", 0), ("tuesday", 2));
        open.Total.Should().Be(4);
        open.Dossiers.Select(d => d.DossierId).Should().Equal("overdue", "today");
    }

    [Fact]
    public void More_than_one_supplement_request_makes_an_open_dossier_overdue_before_its_due_time()
    {
        var ledger = Ledger(new DossierHistory("asked-twice").Received(At(9, 14, 9), due: At(9, 25, 17))
            .SupplementRequested(At(9, 14, 10)).SupplementReceived(At(9, 15, 9)).SupplementRequested(At(9, 16, 9)));

        var list = ChaseList.Of(ledger, ChaseStatus.Overdue, Now, limit: 10);

        list.Dossiers.Should().ContainSingle().Which.SupplementRequests.Should().Be(2);
    }

    [Fact]
    public void Each_count_is_the_length_of_that_status_full_list_at_the_same_time()
    {
        var ledger = MixedLedger();

        var lists = Enum.GetValues<ChaseStatus>().ToDictionary(s => s, s => ChaseList.Of(ledger, s, Now, limit: 1_000));

        foreach (var (status, list) in lists)
        {
            list.AsOf.Should().Be(Now);
            list.Total.Should().Be(list.Dossiers.Count);
            list.Counts.Should().Be(lists[ChaseStatus.Overdue].Counts, "every status's answer counts the same dossiers at the same time");
            list.Counts.Of(status).Should().Be(list.Dossiers.Count, $"the {status} count is what the {status} list shows");
        }

        lists[ChaseStatus.Overdue].Counts.Should().Be(new ChaseCounts(Overdue: 3, DueSoon: 2, InProgress: 7));
    }

    [Theory]
    [InlineData(ChaseStatus.Overdue)]
    [InlineData(ChaseStatus.DueSoon)]
    [InlineData(ChaseStatus.InProgress)]
    public void Pages_cover_the_full_list_exactly_once_in_order(ChaseStatus status)
    {
        var ledger = MixedLedger();
        var full = ChaseList.Of(ledger, status, Now, limit: 1_000).Dossiers;

        foreach (var size in new[] { 1, 2, 3, 50 })
        {
            var pages = Enumerable.Range(0, (full.Count / size) + 2)
                .Select(page => ChaseList.Of(ledger, status, Now, offset: page * size, limit: size))
                .ToList();

            pages.SelectMany(p => p.Dossiers).Should().Equal(full, $"pages of {size} put together are the list");
            pages.Should().OnlyContain(p => p.Dossiers.Count <= size && p.Total == full.Count && p.MostUrgentDue == full[0].DueAt);
            pages[^1].Dossiers.Should().BeEmpty("a page past the end is empty, not an error");
        }
    }

    /// <summary>Seven open dossiers on Friday 18 September 2026: 3 overdue (2 by due time, 1 by a second request), 2 due soon, 2 later; and 2 not open.</summary>
    private static UnitLedger MixedLedger() => Ledger(
        new DossierHistory("late-a").Received(At(9, 10, 9), due: At(9, 15, 17)),
        new DossierHistory("late-b").Received(At(9, 10, 9), due: At(9, 15, 17)),
        new DossierHistory("asked-twice").Received(At(9, 14, 9), due: At(9, 30, 17))
            .SupplementRequested(At(9, 14, 10)).SupplementReceived(At(9, 15, 9)).SupplementRequested(At(9, 16, 9)),
        new DossierHistory("today").Received(At(9, 17, 9), due: At(9, 18, 17)),
        new DossierHistory("tuesday").Received(At(9, 17, 9), due: At(9, 22, 17)),
        new DossierHistory("wednesday").Received(At(9, 17, 9), due: At(9, 23, 17)),
        new DossierHistory("next-month").Received(At(9, 17, 9), due: At(10, 5, 17)),
        new DossierHistory("done").Received(At(9, 10, 9), due: At(9, 11, 17)).Completed(At(9, 14, 9)),
        new DossierHistory("waiting").Received(At(9, 10, 9), due: At(9, 25, 17)).SupplementRequested(At(9, 11, 9)));

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
