using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Snapshots;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>Issue 16: when months seal, what a sealed month's bytes are, and how the ledger refuses what it cannot take.</summary>
public sealed class SealedMonthTests
{
    // The dates below are chosen around a week's grace, whatever the default is.
    private static readonly SealPolicy Policy = new(TimeSpan.FromDays(7), TimeSpan.FromDays(10), TimeSpan.FromDays(7));

    [Fact]
    public void A_month_seals_a_week_after_its_end_once_everything_in_it_is_closed()
    {
        var ledger = Ledgers.Build(Closed("a", At(9, 3, 9)).Concat(Closed("b", At(9, 20, 9))).Concat(Closed("c", At(10, 2, 9))));

        ledger.Seal(At(10, 7, 23), Policy).Should().BeEmpty("September ended less than a week ago");
        ledger.Seal(At(10, 8, 0), Policy).Should().Equal(new ReceiptMonth(2026, 9));

        ledger.SealedMonths.Should().ContainSingle().Which.Dossiers.Should().Be(2);
        ledger.DossierCount.Should().Be(3);
        ledger.LiveDossierCount.Should().Be(1);
        ledger.Find("a").Should().BeNull("a sealed month's dossiers leave memory");
        ledger.Seal(At(10, 9, 0), Policy).Should().BeEmpty("a month is sealed once");
    }

    [Fact]
    public void An_open_dossier_holds_its_month_back_until_the_grace_then_stays_live_beside_the_sealed_tally()
    {
        var events = Closed("a", At(9, 3, 9)).Concat(new DossierHistory("open").Received(At(9, 4, 9), At(9, 30, 17)).Events).ToList();
        var ledger = Ledgers.Build(events);
        var never = Ledgers.Build(events);

        var grace = Policy.SealOpenAfter!.Value;
        ledger.Seal(new ReceiptMonth(2026, 9).End + grace - TimeSpan.FromHours(1), Policy).Should().BeEmpty();
        ledger.Seal(new ReceiptMonth(2026, 9).End + grace, Policy).Should().Equal(new ReceiptMonth(2026, 9));

        ledger.LiveDossierCount.Should().Be(1);
        ledger.Find("open").Should().NotBeNull();
        ledger.OpenDossiers.Should().ContainSingle();
        foreach (var at in new[] { At(12, 2, 0), Period.Month(2026, 9).End, Period.Year(2026).End })
        {
            ledger.Tally(Period.Month(2026, 9), at).Should().Be(never.Tally(Period.Month(2026, 9), at));
        }
    }

    [Fact]
    public void A_closed_dossier_with_a_recent_fact_stays_live_until_a_quiet_week_has_passed_then_folds_at_a_later_pass()
    {
        var rated = new DossierHistory("rated").Received(At(9, 28, 9), At(10, 9, 17)).Completed(At(10, 1, 9)).Rated(At(10, 6, 9), Rating.Satisfied).Events;
        var events = Closed("a", At(9, 3, 9)).Concat(Closed("b", At(9, 4, 9))).Concat(Closed("c", At(9, 5, 9))).Concat(rated).ToList();
        var ledger = Ledgers.Build(events);
        var never = Ledgers.Build(events);
        var sealNow = new ReceiptMonth(2026, 9).End + Policy.SealOpenAfter!.Value;

        ledger.Seal(sealNow, Policy).Should().Equal(new ReceiptMonth(2026, 9));
        ledger.Find("rated").Should().NotBeNull("rated on 6 October, it has not been quiet for a week on the 10th: a late answer would reopen the month");
        ledger.SealedMonths.Single().Dossiers.Should().Be(3);

        ledger.Seal(At(10, 13, 8), Policy).Should().BeEmpty("a week after its rating has not passed yet");
        ledger.Seal(At(10, 13, 10), Policy).Should().Equal(new ReceiptMonth(2026, 9));
        ledger.Find("rated").Should().BeNull();
        ledger.LiveDossierCount.Should().Be(0);
        ledger.SealedMonths.Single().Dossiers.Should().Be(4);
        foreach (var at in new[] { At(10, 20, 0), Period.Month(2026, 9).End, At(10, 6, 12) })
        {
            ledger.Tally(Period.Month(2026, 9), at).Should().Be(never.Tally(Period.Month(2026, 9), at));
        }
    }

    [Fact]
    public void A_sealed_month_is_sealed_again_once_a_quarter_of_what_it_left_live_can_fold_not_for_each_straggler()
    {
        var open = Enumerable.Range(0, 8).SelectMany(i => new DossierHistory($"open{i}").Received(At(9, 10, 9), At(9, 30, 17)).Events);
        var events = Closed("a", At(9, 3, 9)).Concat(open).ToList();
        var ledger = Ledgers.Build(events);
        var never = Ledgers.Build(events);
        var sealNow = new ReceiptMonth(2026, 9).End + Policy.SealOpenAfter!.Value;
        ledger.Seal(sealNow, Policy).Should().Equal(new ReceiptMonth(2026, 9));

        var first = new DossierHistory("open0").Completed(At(10, 11, 9)).Events;
        ledger.Apply(first[0]);
        never.Apply(first[0]);
        ledger.Seal(At(10, 20, 0), Policy).Should().BeEmpty("one of eight live dossiers could fold: not worth a new sealed row");

        var second = new DossierHistory("open1").Completed(At(10, 11, 10)).Events;
        ledger.Apply(second[0]);
        never.Apply(second[0]);
        ledger.Seal(At(10, 20, 0), Policy).Should().Equal(new ReceiptMonth(2026, 9));
        ledger.LiveDossierCount.Should().Be(6);
        ledger.SealedMonths.Single().Dossiers.Should().Be(3);
        ledger.Tally(Period.Month(2026, 9), At(10, 20, 0)).Should().Be(never.Tally(Period.Month(2026, 9), At(10, 20, 0)));
    }

    [Fact]
    public void The_same_month_gives_the_same_bytes_whatever_the_delivery_order()
    {
        var delivered = MonthsOfUnitStream.Delivered(new Random(16));
        var inOrder = Ledgers.Build(delivered.Select(d => d.Event));
        var shuffled = Ledgers.Build(delivered.Select(d => d.Event).OrderBy(_ => Guid.NewGuid()));
        var now = At(12, 31, 0).AddDays(120);

        inOrder.Seal(now, Policy).Should().NotBeEmpty();
        shuffled.Seal(now, Policy);

        inOrder.SealedMonths.Select(Ledgers.Bytes).Should().BeEquivalentTo(shuffled.SealedMonths.Select(Ledgers.Bytes), o => o.WithStrictOrdering());
        foreach (var month in inOrder.SealedMonths)
        {
            var bytes = Ledgers.Bytes(month);
            Ledgers.Bytes(SealedMonth.Read(new MemoryStream(bytes), WorkingDayCalendar.Vietnam)).Should().Equal(bytes, "read back, it writes the same bytes");
        }
    }

    [Fact]
    public void Parts_no_tally_read_between_two_passes_are_packed_write_the_same_bytes_and_answer_as_before_when_read()
    {
        var delivered = MonthsOfUnitStream.Delivered(new Random(16));
        var events = delivered.Select(d => d.Event).ToList();
        var ledger = Ledgers.Build(events);
        var never = Ledgers.Build(events);
        var now = At(12, 31, 0).AddDays(120);
        ledger.Seal(now, Policy).Should().HaveCountGreaterThan(2);
        var bytes = ledger.SealedMonths.Select(Ledgers.Bytes).ToList();
        ledger.SealedMonthsUnpacked.Should().Be(ledger.SealedMonths.Count, "a month just sealed keeps its parts as objects");

        ledger.Seal(now.AddDays(1), Policy);

        ledger.SealedMonthsUnpacked.Should().Be(0, "no tally read them since the last pass");
        ledger.SealedMonths.Select(Ledgers.Bytes).Should().BeEquivalentTo(bytes, o => o.WithStrictOrdering(), "packed parts are the bytes a month writes");
        var september = Period.Month(2026, 9);
        ledger.Tally(september, now).Should().Be(never.Tally(september, now));
        ledger.SealedMonthsUnpacked.Should().Be(1, "the tally unpacked September's parts alone");
        ledger.Tally(Period.Year(2026), now).Should().Be(never.Tally(Period.Year(2026), now));
        ledger.Tally(Period.Quarter(2026, 3), Period.Quarter(2026, 3).End).Should().Be(never.Tally(Period.Quarter(2026, 3), Period.Quarter(2026, 3).End));

        ledger.Seal(now.AddDays(2), Policy);
        ledger.SealedMonthsUnpacked.Should().Be(ledger.SealedMonths.Count, "what was read since the last pass stays unpacked");
        ledger.Seal(now.AddDays(3), Policy);
        ledger.SealedMonthsUnpacked.Should().Be(0);

        var restarted = Ledgers.RoundTrip(ledger);
        restarted.Seal(now.AddDays(4), Policy);
        restarted.SealedMonthsUnpacked.Should().Be(0, "months read back pack at the first pass, keeping the bytes they were read from");
        restarted.SealedMonths.Select(Ledgers.Bytes).Should().BeEquivalentTo(bytes, o => o.WithStrictOrdering());
        restarted.Tally(Period.Year(2026), now).Should().Be(never.Tally(Period.Year(2026), now));
        restarted.Tally(september, september.End).Should().Be(never.Tally(september, september.End));
    }

    [Fact]
    public void Another_calendar_refuses_a_sealed_month_and_the_segments_that_name_it()
    {
        var ledger = SealedSeptember();
        var bytes = Ledgers.Bytes(ledger.SealedMonths.Single());
        var other = WorkingDayCalendar.Vietnam.With([new CalendarDay(new DateOnly(2026, 9, 4), "Nghỉ thêm", true, CalendarDayKind.Statutory, true)]);

        var read = () => SealedMonth.Read(new MemoryStream(bytes), other);
        read.Should().Throw<SnapshotFormatException>().WithMessage("*calendar*");

        var month = SealedMonth.Read(new MemoryStream(bytes), WorkingDayCalendar.Vietnam);
        var restore = () => UnitLedger.FromSegments(new MemoryStream(Ledgers.Snapshot(ledger)), [month], other);
        restore.Should().Throw<SnapshotFormatException>();
    }

    [Fact]
    public void Damaged_or_cut_off_sealed_month_bytes_are_refused()
    {
        var bytes = Ledgers.Bytes(SealedSeptember().SealedMonths.Single());
        for (var i = 0; i < bytes.Length; i += Math.Max(1, bytes.Length / 97))
        {
            var damaged = (byte[])bytes.Clone();
            damaged[i] ^= 0x10;
            var read = () => SealedMonth.Read(new MemoryStream(damaged), WorkingDayCalendar.Vietnam);
            read.Should().Throw<SnapshotFormatException>($"byte {i} of {bytes.Length} was changed");
        }

        var cut = () => SealedMonth.Read(new MemoryStream(bytes[..^9]), WorkingDayCalendar.Vietnam);
        cut.Should().Throw<SnapshotFormatException>();
        var empty = () => SealedMonth.Read(new MemoryStream([]), WorkingDayCalendar.Vietnam);
        empty.Should().Throw<SnapshotFormatException>();
    }

    [Fact]
    public void A_live_segment_without_the_sealed_months_it_names_is_refused_and_extra_ones_are_ignored()
    {
        var ledger = SealedSeptember();
        var live = Ledgers.Snapshot(ledger);
        var september = ledger.SealedMonths.Single();
        var otherSeptember = SealedAlone(Closed("zz", At(9, 9, 9)), At(11, 1, 0));
        var october = SealedAlone(Closed("x", At(10, 9, 9)), At(11, 30, 0));

        var missing = () => UnitLedger.FromSegments(new MemoryStream(live), [], WorkingDayCalendar.Vietnam);
        missing.Should().Throw<SnapshotFormatException>().WithMessage("*2026-09*");
        var different = () => UnitLedger.FromSegments(new MemoryStream(live), [otherSeptember], WorkingDayCalendar.Vietnam);
        different.Should().Throw<SnapshotFormatException>();

        var restored = UnitLedger.FromSegments(new MemoryStream(live), [october, otherSeptember, september], WorkingDayCalendar.Vietnam);
        restored.SealedMonths.Should().Equal(september);
        restored.DossierCount.Should().Be(ledger.DossierCount);
        restored.Tally(Period.Quarter(2026, 3), Period.Quarter(2026, 3).End).Should().Be(ledger.Tally(Period.Quarter(2026, 3), Period.Quarter(2026, 3).End));
    }

    [Fact]
    public void An_event_about_a_sealed_month_is_refused_until_the_month_is_reopened()
    {
        var ledger = SealedSeptember();
        var quarter = Period.Quarter(2026, 3);
        var after = At(10, 21, 0);
        var before = ledger.Tally(quarter, after);
        var late = new DossierHistory("a").Rated(At(10, 20, 9), Rating.Dissatisfied).Events[0];
        var newcomer = new DossierHistory("new").Received(At(9, 15, 9), At(9, 20, 17)).Events[0];

        ledger.SealedMonthsTouchedBy(late).Should().Equal(new ReceiptMonth(2026, 9));
        ledger.SealedMonthsTouchedBy(newcomer).Should().BeEmpty("a new dossier is counted live beside the month's parts");
        ledger.SealedMonthsTouchedBy(new DossierHistory("c").Completed(At(10, 21, 9)).Events[0]).Should().BeEmpty("c is live");
        var apply = () => ledger.Apply(late);
        apply.Should().Throw<SealedMonthException>().Which.Months.Should().Equal(new ReceiptMonth(2026, 9));
        ledger.Tally(quarter, after).Should().Be(before, "a refused event changes nothing");

        ledger.Reopen([new ReceiptMonth(2026, 9)], Closed("a", At(9, 3, 9)).Concat(Closed("b", At(9, 20, 9))));
        ledger.SealedMonths.Should().BeEmpty();
        ledger.LiveDossierCount.Should().Be(3);
        ledger.Apply(late).Should().BeTrue();
        ledger.Tally(quarter, after).Unsatisfactory.Should().Be(before.Unsatisfactory + 1);
    }

    [Fact]
    public void A_new_receipt_dated_in_a_sealed_month_is_counted_live_beside_its_parts()
    {
        var ledger = SealedSeptember();
        var september = Period.Month(2026, 9);
        var after = At(10, 21, 0);
        var before = ledger.Tally(september, after);
        var newcomer = new DossierHistory("new").Received(At(9, 15, 9), At(9, 20, 17)).Events[0];
        var never = Ledgers.Build(SeptemberEvents().Append(newcomer));

        ledger.Apply(newcomer).Should().BeTrue();

        ledger.SealedMonths.Should().ContainSingle("the month stays sealed");
        ledger.Tally(september, after).Received.Should().Be(before.Received + 1);
        ledger.Tally(september, after).Should().Be(never.Tally(september, after));
        ledger.Tally(september, september.End).Should().Be(never.Tally(september, september.End), "the month's end is a standard instant its parts keep");
    }

    [Fact]
    public void A_reopen_whose_events_correct_a_receipt_out_of_another_sealed_month_names_it_and_changes_nothing()
    {
        var august = Closed("aug", At(8, 10, 9)).ToList();
        var september = Closed("a", At(9, 3, 9)).ToList();
        var ledger = Ledgers.Build(august.Concat(september));
        ledger.Seal(At(11, 1, 0), Policy).Should().HaveCount(2);
        var moved = ConflictingEvents.Receipt("aug", "aug-moved", At(9, 2, 9), At(9, 30, 17));

        // Reopening September reads the correction (now received in it) of a dossier folded in August.
        var reopen = () => ledger.Reopen([new ReceiptMonth(2026, 9)], september.Append(moved));
        reopen.Should().Throw<SealedMonthException>().Which.Months.Should().Equal(new ReceiptMonth(2026, 8));
        ledger.SealedMonths.Should().HaveCount(2);
        ledger.LiveDossierCount.Should().Be(0);

        ledger.Reopen([new ReceiptMonth(2026, 8), new ReceiptMonth(2026, 9)], august.Concat(september).Append(moved));
        ledger.SealedMonths.Should().BeEmpty();
        ledger.Tally(Period.Month(2026, 9), Period.Month(2026, 9).End).Received.Should().Be(2);
        ledger.Tally(Period.Month(2026, 8), Period.Month(2026, 8).End).Received.Should().Be(0);
    }

    [Fact]
    public void A_reopen_whose_events_correct_a_receipt_into_another_sealed_month_moves_the_dossier_there_live()
    {
        var august = Closed("aug", At(8, 10, 9)).ToList();
        var ledger = Ledgers.Build(august.Concat(Closed("a", At(9, 3, 9))));
        ledger.Seal(At(11, 1, 0), Policy).Should().HaveCount(2);
        var moved = ConflictingEvents.Receipt("aug", "aug-moved", At(9, 2, 9), At(9, 30, 17));

        ledger.Reopen([new ReceiptMonth(2026, 8)], august.Append(moved));

        ledger.SealedMonths.Select(m => m.Month).Should().Equal(new ReceiptMonth(2026, 9));
        ledger.LiveDossierCount.Should().Be(1);
        ledger.Tally(Period.Month(2026, 9), Period.Month(2026, 9).End).Received.Should().Be(2);
        ledger.Tally(Period.Month(2026, 8), Period.Month(2026, 8).End).Received.Should().Be(0);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData(9, 0)]
    [InlineData(4, 8)]
    public void A_running_month_folds_its_closed_quiet_dossiers_once_enough_can(int? runningFoldAt, int folded)
    {
        var events = Enumerable.Range(1, 8).SelectMany(i => Closed($"early-{i}", At(9, i, 9)))
            .Concat(new DossierHistory("open-1").Received(At(9, 20, 9), At(10, 5, 17)).Events)
            .Concat(new DossierHistory("open-2").Received(At(9, 21, 9), At(10, 5, 17)).Events)
            .ToList();
        var ledger = Ledgers.Build(events);
        var never = Ledgers.Build(events);
        var newcomer = new DossierHistory("new").Received(At(9, 26, 9), At(9, 28, 17)).Events[0];

        ledger.Seal(At(9, 25, 0), Policy with { RunningFoldAt = runningFoldAt });
        ledger.Apply(newcomer).Should().BeTrue("a receipt dated in the running month never needs it reopened");
        never.Apply(newcomer);

        ledger.LiveDossierCount.Should().Be(11 - folded);
        ledger.SealedMonths.Should().HaveCount(folded > 0 ? 1 : 0);
        foreach (var at in new[] { At(9, 25, 0), At(9, 29, 0), Period.Month(2026, 9).End, At(12, 1, 0) })
        {
            ledger.Tally(Period.Month(2026, 9), at).Should().Be(never.Tally(Period.Month(2026, 9), at), $"at {at:O}");
            ledger.Tally(Period.Quarter(2026, 3), at).Should().Be(never.Tally(Period.Quarter(2026, 3), at), $"at {at:O}");
        }
    }

    [Fact]
    public void Tet_does_not_count_towards_a_closed_dossiers_quiet_week()
    {
        // Finished on Thursday 12 February 2026; Tết's weekdays off ran from Monday 16 to Friday 20.
        var ledger = Ledgers.Build(Enumerable.Range(0, 4).SelectMany(i => Closed($"before-tet-{i}", At(2, 9, 9 + i), finishedAfterDays: 3)));
        var policy = Policy with { RunningFoldAt = 1 };

        ledger.Seal(At(2, 23, 10), policy).Should().BeEmpty("eleven days after the finish by the clock, but only six without Tết's weekdays off");
        ledger.Seal(At(2, 26, 10), policy).Should().Equal([new ReceiptMonth(2026, 2)], "seven days besides Tết's have passed");
        ledger.LiveDossierCount.Should().Be(0);
    }

    [Fact]
    public void A_past_instant_a_sealed_month_does_not_keep_needs_it_reopened()
    {
        var ledger = Ledgers.Build(Closed("a", At(9, 3, 9), finishedAfterDays: 40));
        ledger.Seal(At(11, 20, 0), Policy).Should().ContainSingle();
        var september = Period.Month(2026, 9);

        ledger.SealedMonthsNeededFor(september, september.End).Should().BeEmpty("a month's end is a standard instant");
        ledger.SealedMonthsNeededFor(september, At(11, 20, 0)).Should().BeEmpty("after the seal point every instant answers");
        ledger.SealedMonthsNeededFor(september, At(8, 20, 0)).Should().BeEmpty("before the month nothing was received");
        ledger.SealedMonthsNeededFor(september, At(9, 20, 0)).Should().Equal(new ReceiptMonth(2026, 9));
        var tally = () => ledger.Tally(september, At(9, 20, 0));
        tally.Should().Throw<SealedMonthException>();
        ledger.Tally(september, september.End).InProgressOverdue.Should().Be(1, "at the month's end it was open and past its due date");
    }

    private static UnitLedger SealedSeptember()
    {
        var ledger = Ledgers.Build(SeptemberEvents());
        ledger.Seal(At(10, 8, 0), Policy).Should().ContainSingle();
        return ledger;
    }

    private static IEnumerable<UnitEvent> SeptemberEvents() =>
        Closed("a", At(9, 3, 9)).Concat(Closed("b", At(9, 20, 9))).Concat(new DossierHistory("c").Received(At(10, 2, 9), At(10, 20, 17)).Events);

    private static SealedMonth SealedAlone(IEnumerable<UnitEvent> events, DateTimeOffset now)
    {
        var ledger = Ledgers.Build(events);
        ledger.Seal(now, Policy).Should().ContainSingle();
        return ledger.SealedMonths.Single();
    }

    private static IEnumerable<UnitEvent> Closed(string id, DateTimeOffset received, int finishedAfterDays = 2) =>
        new DossierHistory(id).Received(received, received.AddDays(10), channel: Channel.Online, fee: 10_000).PaidOnline(received.AddHours(1)).Completed(received.AddDays(finishedAfterDays)).Events;
}
