using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using Xunit.Abstractions;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>
/// A unit grain keeps every live dossier in memory (hundreds of thousands on a node), so the bytes
/// each one takes are a budget: measured as the managed bytes allocated to build many of them.
/// </summary>
public sealed class DossierFootprintTests(ITestOutputHelper output)
{
    private const int Count = 10_000;

    [Fact]
    public void A_dossier_takes_at_most_256_bytes()
    {
        var ids = Enumerable.Range(0, Count).Select(i => $"000.00.26.H56-{i:D6}").ToArray();
        var kept = new Dossier[Count];

        var bytes = BytesPerDossier(i => kept[i] = new Dossier(ids[i]));

        output.WriteLine($"Dossier: {bytes:F1} bytes");
        bytes.Should().BeLessThanOrEqualTo(256);
        GC.KeepAlive(kept);
    }

    [Fact]
    public void A_received_and_finished_dossier_with_its_receipt_takes_at_most_320_bytes()
    {
        var histories = Enumerable.Range(0, Count).Select(i => new DossierHistory($"000.00.26.H56-{i:D6}")
            .Received(At(9, 14, 9), At(9, 16, 17), fee: 50_000m)
            .Completed(At(9, 16, 10))
            .ResultReturned(At(9, 16, 11), electronic: true)
            .Rated(At(9, 17, 8), Rating.Satisfied)).ToArray();
        var kept = new Dossier[Count];

        var bytes = BytesPerDossier(i =>
        {
            var events = histories[i].Events;
            var dossier = kept[i] = new Dossier(events[0].DossierId!);
            for (var k = 0; k < events.Count; k++)
            {
                dossier.Apply(events[k]);
            }

            dossier.Judge(At(9, 30, 0), WorkingDayCalendar.Vietnam);
        });

        output.WriteLine($"Dossier + DossierReceipt: {bytes:F1} bytes");
        bytes.Should().BeLessThanOrEqualTo(320);
        GC.KeepAlive(kept);
    }

    [Fact]
    public void A_dossier_in_a_ledger_takes_at_most_768_bytes_with_its_row_and_index()
    {
        var events = Enumerable.Range(0, Count).SelectMany(i => new DossierHistory($"000.00.26.H56-{i:D6}")
            .Received(At(9, 14, 9), At(9, 16, 17), fee: 50_000m)
            .Completed(At(9, 16, 10))
            .Rated(At(9, 17, 8), Rating.Satisfied).Events).ToArray();
        var ledger = new UnitLedger(WorkingDayCalendar.Vietnam);
        ledger.Apply(events[0]);

        var bytes = BytesPerDossier(i =>
        {
            for (var k = i * 3; k < (i + 1) * 3; k++)
            {
                ledger.Apply(events[k]);
            }
        });

        output.WriteLine($"Dossier in a ledger: {bytes:F1} bytes");
        ledger.LiveDossierCount.Should().Be(Count);
        bytes.Should().BeLessThanOrEqualTo(768);
    }

    [Fact]
    public void A_sealed_month_that_leaves_a_few_dossiers_live_keeps_room_for_those_few_not_the_month()
    {
        var policy = new SealPolicy(TimeSpan.FromDays(7), TimeSpan.FromDays(10), TimeSpan.FromDays(7));
        var events = Enumerable.Range(0, Count).SelectMany(i => i % 1_000 == 0
            ? new DossierHistory($"never-{i:D6}").Received(At(9, 14, 9), At(9, 16, 17)).Events
            : new DossierHistory($"done-{i:D6}").Received(At(9, 14, 9), At(9, 16, 17)).Completed(At(9, 15, 10)).Events);
        var ledger = Ledgers.Build(events);
        ledger.RowRoom.Should().BeGreaterThanOrEqualTo(Count);

        ledger.Seal(new ReceiptMonth(2026, 9).End + policy.SealOpenAfter!.Value, policy).Should().ContainSingle();

        ledger.LiveDossierCount.Should().Be(Count / 1_000);
        ledger.RowRoom.Should().Be(Count / 1_000, "the month's list gives back the room its folded rows took");
    }

    private static double BytesPerDossier(Action<int> build)
    {
        // The first calls warm up (JIT, static tables); only the rest is measured.
        const int warmUp = 100;
        for (var i = 0; i < warmUp; i++)
        {
            build(i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = warmUp; i < Count; i++)
        {
            build(i);
        }

        return (double)(GC.GetAllocatedBytesForCurrentThread() - before) / (Count - warmUp);
    }
}
