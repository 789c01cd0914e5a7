using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Snapshots;
using static GovPulse.Indicators.Tests.Dossiers.ConflictingEvents;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>Which fact stands when a dossier or petition is told twice (docs/indicators.md, "Conflicting facts").</summary>
public sealed class ConflictingFactsTests
{
    private static readonly Period September = Period.Month(2026, 9);
    private static readonly Period October = Period.Month(2026, 10);

    // The case issue 13 observed: receipt A with a tight due date, then a correction B (later) with a later one.
    private static readonly UnitEvent ReceiptA = Receipt("d-obs", "d-obs-a", At(9, 14, 9), due: At(9, 15, 17));
    private static readonly UnitEvent CorrectionB = Receipt("d-obs", "d-obs-b", At(9, 14, 9, 30), due: At(9, 18, 17));
    private static readonly UnitEvent Completed = Fact("d-obs", "d-obs-done", EventType.ProcessingCompleted, At(9, 17, 10));

    [Fact]
    public void A_correction_stands_and_re_applying_the_corrected_receipt_after_a_restore_changes_nothing()
    {
        var ledger = new UnitLedger(WorkingDayCalendar.Vietnam);
        ledger.Apply(ReceiptA).Should().BeTrue();
        ledger.Apply(CorrectionB).Should().BeTrue();
        ledger.Apply(Completed).Should().BeTrue();
        ledger.Tally(September, At(9, 20, 9)).FinishedEarly.Should().Be(1, "B's due date (18/09) stands");

        var restored = RoundTrip(ledger);
        restored.Apply(ReceiptA).Should().BeFalse("A is older than the correction that stands");

        var tally = restored.Tally(September, At(9, 20, 9));
        tally.FinishedEarly.Should().Be(1);
        tally.FinishedLate.Should().Be(0);
        restored.Find("d-obs")!.Receipt!.DueAt.Should().Be(At(9, 18, 17));
    }

    [Fact]
    public void A_correction_stands_whichever_receipt_arrives_last()
    {
        var correctionFirst = Build(CorrectionB, ReceiptA);

        correctionFirst.Find("d-obs")!.Receipt!.DueAt.Should().Be(At(9, 18, 17));
        correctionFirst.Tally(September, At(9, 16, 9)).InProgressOnTime.Should().Be(1);
        correctionFirst.NextTurnOverdue(At(9, 16, 9)).Should().Be(At(9, 18, 17));
    }

    [Fact]
    public void Receipts_told_at_the_same_time_resolve_by_the_larger_event_id()
    {
        var small = Receipt("d-tie", "d-tie-1", At(9, 14, 9), due: At(9, 16, 17), procedure: "1.000894");
        var large = Receipt("d-tie", "d-tie-2", At(9, 14, 9), due: At(9, 18, 17), procedure: "2.001", channel: Channel.Online);

        foreach (var ledger in new[] { Build(small, large), Build(large, small), Build(large, small, large, small) })
        {
            var receipt = ledger.Find("d-tie")!.Receipt!;
            receipt.ProcedureCode.Should().Be("2.001");
            receipt.Channel.Should().Be(Channel.Online);
            ledger.Tally(September, At(9, 20, 9)).ReceivedOnline.Should().Be(1);
        }

        var first = new UnitLedger(WorkingDayCalendar.Vietnam);
        first.Apply(large).Should().BeTrue();
        first.Apply(small).Should().BeFalse("a losing receipt changes nothing");
    }

    [Fact]
    public void A_correction_into_the_next_month_moves_the_dossier_to_that_month()
    {
        var september = Receipt("d-move", "d-move-a", At(9, 30, 20), due: At(10, 2, 17));
        var october = Receipt("d-move", "d-move-b", At(10, 1, 8), due: At(10, 5, 17), procedure: "2.001");

        foreach (var ledger in new[] { Build(september, october), Build(october, september), RoundTrip(Build(september)) })
        {
            ledger.Apply(october);
            ledger.Apply(september).Should().BeFalse();

            ledger.Tally(September, October.End).Received.Should().Be(0);
            ledger.Tally(October, October.End).Received.Should().Be(1);
            ChaseList.Of(ledger, ChaseStatus.InProgress, At(10, 3, 9), 10).Dossiers.Should().ContainSingle()
                .Which.Should().Match<DossierToChase>(d => d.ProcedureCode == "2.001" && d.DueAt == At(10, 5, 17));
        }
    }

    [Fact]
    public void The_earliest_finish_stands_and_a_later_one_changes_nothing()
    {
        var ledger = Build(Receipt("d-fin", "d-fin-r", At(9, 14, 9), due: At(9, 16, 17)), Fact("d-fin", "d-fin-late", EventType.ProcessingCompleted, At(9, 18, 9)));

        ledger.Apply(Fact("d-fin", "d-fin-early", EventType.ProcessingCompleted, At(9, 15, 9))).Should().BeTrue();
        ledger.Apply(Fact("d-fin", "d-fin-later", EventType.ProcessingCompleted, At(9, 19, 9))).Should().BeFalse();

        ledger.Find("d-fin")!.CompletedAt.Should().Be(At(9, 15, 9));
        ledger.Tally(September, September.End).FinishedEarly.Should().Be(1);
    }

    [Fact]
    public void A_finish_told_twice_at_one_instant_keeps_one_written_form_whatever_the_order()
    {
        var local = Fact("d-inst", "d-inst-local", EventType.ProcessingCompleted, At(9, 15, 9));
        var utc = Fact("d-inst", "d-inst-utc", EventType.ProcessingCompleted, At(9, 15, 9).ToOffset(TimeSpan.Zero));

        Build(local, utc).Find("d-inst")!.CompletedAt!.Value.Offset.Should().Be(TimeSpan.Zero);
        Build(utc, local).Find("d-inst")!.CompletedAt!.Value.Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void A_petition_s_correction_stands_whichever_arrives_last()
    {
        var first = Petition("p-obs", "p-obs-a", EventType.PetitionReceived, At(9, 5, 9)) with { DueAt = At(9, 6, 17) };
        var correction = Petition("p-obs", "p-obs-b", EventType.PetitionReceived, At(9, 5, 10)) with { DueAt = At(9, 12, 17) };
        var resolved = Petition("p-obs", "p-obs-done", EventType.PetitionResolved, At(9, 10, 9));

        foreach (var ledger in new[] { Build(first, correction, resolved), Build(correction, resolved, first), RoundTrip(Build(correction, resolved)) })
        {
            ledger.Apply(first).Should().BeFalse();
            var tally = ledger.Tally(September, September.End);
            tally.Petitions.Should().Be(1);
            tally.PetitionsOnTime.Should().Be(1, "the correction's deadline (12/09) stands");
        }
    }

    [Fact]
    public void An_event_that_says_nothing_the_ledger_keeps_adds_no_dossier()
    {
        var ledger = new UnitLedger(WorkingDayCalendar.Vietnam);

        ledger.Apply(Fact("d-cash", "d-cash-paid", EventType.PaymentCompleted, At(9, 14, 9)) with { Online = false }).Should().BeFalse();

        ledger.DossierCount.Should().Be(0);
    }

    [Fact]
    public void A_snapshot_of_a_previous_format_is_refused_so_the_unit_replays_its_log()
    {
        using var bytes = new MemoryStream();
        using (var w = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write7BitEncodedInt(0x4C504720); // the ledger snapshot's magic, "GPL "
            w.Write7BitEncodedInt(2);
            w.Write7BitEncodedInt(0);
            w.Write7BitEncodedInt(0);
        }

        var read = () => UnitLedger.FromSegments(new MemoryStream(bytes.ToArray()), [], WorkingDayCalendar.Vietnam);

        UnitLedger.SegmentFormat.Should().BeGreaterThan(2, "format 1 let the last receipt to arrive win and kept no receipt event id; format 2 was the whole ledger in one snapshot");
        read.Should().Throw<SnapshotFormatException>();
    }

    private static UnitLedger Build(params UnitEvent[] events)
    {
        var ledger = new UnitLedger(WorkingDayCalendar.Vietnam);
        foreach (var e in events)
        {
            ledger.Apply(e);
        }

        return ledger;
    }

    private static UnitLedger RoundTrip(UnitLedger ledger)
    {
        using var buffer = new MemoryStream();
        ledger.WriteLive(buffer);
        return UnitLedger.FromSegments(new MemoryStream(buffer.ToArray()), [], WorkingDayCalendar.Vietnam);
    }
}
