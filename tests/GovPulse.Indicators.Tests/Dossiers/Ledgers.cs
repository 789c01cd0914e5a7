using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>Ledgers built from events and sent through a snapshot, as the ledger tests need them.</summary>
internal static class Ledgers
{
    public static UnitLedger Build(IEnumerable<UnitEvent> events)
    {
        var ledger = new UnitLedger(WorkingDayCalendar.Vietnam);
        foreach (var e in events)
        {
            ledger.Apply(e);
        }

        return ledger;
    }

    public static byte[] Snapshot(UnitLedger ledger)
    {
        using var buffer = new MemoryStream();
        ledger.WriteSnapshot(buffer);
        return buffer.ToArray();
    }

    /// <summary>The ledger written to a snapshot and read back.</summary>
    public static UnitLedger RoundTrip(UnitLedger ledger) => UnitLedger.FromSnapshot(new MemoryStream(Snapshot(ledger)), WorkingDayCalendar.Vietnam);
}
