using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>Ledgers built from events and sent through their segments, as the ledger tests need them.</summary>
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

    /// <summary>The live segment's bytes.</summary>
    public static byte[] Snapshot(UnitLedger ledger)
    {
        using var buffer = new MemoryStream();
        ledger.WriteLive(buffer);
        return buffer.ToArray();
    }

    public static byte[] Bytes(SealedMonth month)
    {
        using var buffer = new MemoryStream();
        month.Write(buffer);
        return buffer.ToArray();
    }

    /// <summary>The ledger written to its segments (each sealed month on its own) and read back.</summary>
    public static UnitLedger RoundTrip(UnitLedger ledger) => UnitLedger.FromSegments(
        new MemoryStream(Snapshot(ledger)),
        [.. ledger.SealedMonths.Select(m => SealedMonth.Read(new MemoryStream(Bytes(m)), WorkingDayCalendar.Vietnam))],
        WorkingDayCalendar.Vietnam);
}
