using GovPulse.Indicators.Events;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>Events that speak the domain, for arranging tests.</summary>
public static class Events
{
    public static UnitEvent Received(string unit, string dossier, DateTimeOffset at) => new()
    {
        EventId = $"{dossier}-received",
        Type = EventType.DossierReceived,
        OccurredAt = at,
        UnitCode = unit,
        DossierId = dossier,
        ProcedureCode = "2.000815",
        Channel = Channel.Online,
        DueAt = at.AddDays(2),
        Fee = 0,
    };

    public static UnitEvent Completed(string unit, string dossier, DateTimeOffset at) => new()
    {
        EventId = $"{dossier}-completed",
        Type = EventType.ProcessingCompleted,
        OccurredAt = at,
        UnitCode = unit,
        DossierId = dossier,
    };
}
