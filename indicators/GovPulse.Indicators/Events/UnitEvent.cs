namespace GovPulse.Indicators.Events;

/// <summary>
/// One event from a one-stop-shop system about a dossier or a petition at a unit
/// (docs/api-v1.md §1). Flat on purpose: it mirrors the wire format, so one record carries
/// every type and the type-specific fields stay null where they do not apply.
/// </summary>
public sealed record UnitEvent
{
    public required string EventId { get; init; }

    public required EventType Type { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required string UnitCode { get; init; }

    /// <summary>Set on dossier events.</summary>
    public string? DossierId { get; init; }

    /// <summary>Set on petition events.</summary>
    public string? PetitionId { get; init; }

    // DossierReceived
    public string? ProcedureCode { get; init; }

    public Channel? Channel { get; init; }

    /// <summary>Appointment date (ngày hẹn trả); DossierReceived and PetitionReceived.</summary>
    public DateTimeOffset? DueAt { get; init; }

    public int? StatutoryWorkingDays { get; init; }

    /// <summary>Fee in VND (0 when none).</summary>
    public decimal? Fee { get; init; }

    public bool? PaperResult { get; init; }

    public bool? CitizenData { get; init; }

    // ResultReturned
    public bool? ElectronicResult { get; init; }

    // DossierRefused
    public string? Reason { get; init; }

    // ApologyIssued
    public DateTimeOffset? NewDueAt { get; init; }

    // PaymentCompleted
    public bool? Online { get; init; }

    public decimal? Amount { get; init; }

    // DossierDigitized
    public bool? ReusedData { get; init; }

    public bool? PersonalStoreLinked { get; init; }

    // DossierRated
    public Rating? Rating { get; init; }

    public bool? Complaint { get; init; }

    // PetitionRated
    public bool? Satisfied { get; init; }

    public bool? RepeatComplaint { get; init; }

    /// <summary>The dossier or petition the event is about.</summary>
    public string SubjectId => (Type.IsPetitionEvent() ? PetitionId : DossierId) ?? string.Empty;
}
