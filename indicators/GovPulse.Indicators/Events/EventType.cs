namespace GovPulse.Indicators.Events;

/// <summary>The event types of the public contract (docs/api-v1.md §1). Names are the wire names.</summary>
public enum EventType
{
    DossierReceived,
    SupplementRequested,
    SupplementReceived,
    ProcessingCompleted,
    ResultReturned,
    DossierRefused,
    DossierWithdrawn,
    ApologyIssued,
    PaymentCompleted,
    DossierDigitized,
    DossierSynced,
    DossierRated,
    PetitionReceived,
    PetitionResolved,
    PetitionRated,
}
