namespace GovPulse.Indicators.Events;

/// <summary>Facts about event types that the rules depend on.</summary>
public static class EventTypes
{
    public static bool IsPetitionEvent(this EventType type) =>
        type is EventType.PetitionReceived or EventType.PetitionResolved or EventType.PetitionRated;

    /// <summary>Events that can end a dossier's processing (finish-time precedence is the life cycle's business).</summary>
    public static bool IsFinishing(this EventType type) =>
        type is EventType.ProcessingCompleted or EventType.ResultReturned or EventType.DossierRefused or EventType.DossierWithdrawn;
}
