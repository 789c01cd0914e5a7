using GovPulse.Indicators.Events;

namespace GovPulse.Indicators.Dossiers;

/// <summary>What the DossierReceived event says about a dossier.</summary>
public sealed record DossierReceipt(
    DateTimeOffset ReceivedAt,
    string ProcedureCode,
    Channel Channel,
    DateTimeOffset? DueAt,
    int? StatutoryWorkingDays,
    decimal Fee,
    bool PaperResult,
    bool CitizenData);
