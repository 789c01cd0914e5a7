using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>
/// A ledger used the way the unit grain uses it: every event is stored, then applied; a sealed month an
/// event or a tally needs is reopened with every stored event about the subjects received in it (what
/// the event store's known-at read over the month gives), adding the months a reopen names.
/// </summary>
internal sealed class ReopeningLedger(UnitLedger ledger)
{
    private readonly List<UnitEvent> _stored = [];

    public UnitLedger Ledger { get; private set; } = ledger;

    public int Reopens { get; private set; }

    public int Sealed { get; private set; }

    public void Apply(UnitEvent e)
    {
        _stored.Add(e);
        while (Ledger.SealedMonthsTouchedBy(e) is { Count: > 0 } touched)
        {
            var apply = () => Ledger.Apply(e);
            apply.Should().Throw<SealedMonthException>().Which.Months.Should().BeEquivalentTo(touched);
            Reopen(touched);
        }

        Ledger.Apply(e);
    }

    public DossierTally Tally(Period period, DateTimeOffset evaluatedAt)
    {
        if (Ledger.SealedMonthsNeededFor(period, evaluatedAt) is { Count: > 0 } needed)
        {
            var tally = () => Ledger.Tally(period, evaluatedAt);
            tally.Should().Throw<SealedMonthException>();
            Reopen(needed);
            Ledger.SealedMonthsNeededFor(period, evaluatedAt).Should().BeEmpty();
        }

        return Ledger.Tally(period, evaluatedAt);
    }

    public void Seal(DateTimeOffset now, SealPolicy policy) => Sealed += Ledger.Seal(now, policy).Count;

    public void RoundTrip() => Ledger = Ledgers.RoundTrip(Ledger);

    private void Reopen(IReadOnlyList<ReceiptMonth> months)
    {
        var reopening = months.ToHashSet();
        while (true)
        {
            var subjects = _stored
                .Where(e => e.Type is EventType.DossierReceived or EventType.PetitionReceived && reopening.Contains(ReceiptMonth.Of(e.OccurredAt)))
                .Select(Subject)
                .ToHashSet();
            var events = _stored.Where(e => subjects.Contains(Subject(e))).ToList();
            try
            {
                Ledger.Reopen([.. reopening], events);
                Reopens++;
                return;
            }
            catch (SealedMonthException ex)
            {
                ex.Months.Should().NotBeSubsetOf(reopening, "a reopen names only months not being reopened");
                reopening.UnionWith(ex.Months);
            }
        }
    }

    private static string Subject(UnitEvent e) => e.Type.IsPetitionEvent() ? $"p:{e.PetitionId}" : $"d:{e.DossierId}";
}
