using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Tests;

public sealed class DossierLedgerTests
{
    private static readonly DateTimeOffset Receipt = new(2026, 9, 18, 9, 30, 0, TimeSpan.FromHours(7));

    [Fact]
    public void A_received_dossier_counts_in_the_month_of_its_receipt()
    {
        var ledger = new DossierLedger();
        ledger.Apply(Event(EventType.DossierReceived, "d1", Receipt));

        ledger.CountsFor(Period.Month(2026, 9)).Received.Should().Be(1);
        ledger.CountsFor(Period.Month(2026, 10)).Received.Should().Be(0);
    }

    [Fact]
    public void A_finish_that_arrives_before_the_receipt_is_kept_not_lost()
    {
        var ledger = new DossierLedger();

        ledger.Apply(Event(EventType.ProcessingCompleted, "d1", Receipt.AddHours(3))).Should().BeTrue();
        ledger.CountsFor(Period.Month(2026, 9)).Received.Should().Be(0);
        ledger.Apply(Event(EventType.DossierReceived, "d1", Receipt)).Should().BeTrue();

        ledger.CountsFor(Period.Month(2026, 9)).Should().Be(new Scoring.ScorecardCounts(1, 1));
    }

    [Fact]
    public void Duplicates_and_any_order_give_the_counts_of_in_order_delivery()
    {
        var stream = new[]
        {
            Event(EventType.DossierReceived, "d1", Receipt),
            Event(EventType.DossierReceived, "d2", Receipt.AddMinutes(5)),
            Event(EventType.SupplementRequested, "d2", Receipt.AddHours(1)),
            Event(EventType.ProcessingCompleted, "d1", Receipt.AddHours(2)),
            Event(EventType.ResultReturned, "d1", Receipt.AddHours(3)),
            Event(EventType.DossierRefused, "d2", Receipt.AddHours(4)),
            Event(EventType.DossierReceived, "d3", Receipt.AddDays(20)),
        };
        var inOrder = new DossierLedger();
        foreach (var e in stream)
        {
            inOrder.Apply(e);
        }

        var random = new Random(7);
        for (var trial = 0; trial < 50; trial++)
        {
            var shuffled = stream.Concat(stream.Where(_ => random.NextDouble() < 0.3)).OrderBy(_ => random.Next()).ToArray();
            var ledger = new DossierLedger();
            foreach (var e in shuffled)
            {
                ledger.Apply(e);
            }

            ledger.CountsFor(Period.Month(2026, 9)).Should().Be(inOrder.CountsFor(Period.Month(2026, 9)));
            ledger.CountsFor(Period.Month(2026, 10)).Should().Be(inOrder.CountsFor(Period.Month(2026, 10)));
        }

        inOrder.CountsFor(Period.Month(2026, 9)).Should().Be(new Scoring.ScorecardCounts(2, 2));
        inOrder.CountsFor(Period.Month(2026, 10)).Should().Be(new Scoring.ScorecardCounts(1, 0));
    }

    [Fact]
    public void Petition_events_do_not_count_as_dossiers()
    {
        var ledger = new DossierLedger();

        ledger.Apply(new UnitEvent
        {
            EventId = "p1", Type = EventType.PetitionReceived, OccurredAt = Receipt, UnitCode = "26737", PetitionId = "p1", DueAt = Receipt.AddDays(15),
        }).Should().BeFalse();

        ledger.DossierCount.Should().Be(0);
    }

    private static UnitEvent Event(EventType type, string dossier, DateTimeOffset at) => new()
    {
        EventId = $"{dossier}-{type}",
        Type = type,
        OccurredAt = at,
        UnitCode = "26737",
        DossierId = dossier,
    };
}
