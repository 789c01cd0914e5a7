namespace GovPulse.Indicators.Explanations;

/// <summary>
/// The rule that placed an item in (or left it out of) an indicator's numerator, e.g. "finished
/// before the due date" or "supplement requested twice ⇒ overdue". Stable names: the API returns
/// them as <c>ruleCode</c>; <see cref="ExplanationRuleText"/> gives the sentence in Vietnamese or English
/// (docs/indicators.md, "Explained numbers", lists them all).
/// </summary>
public enum ExplanationRule
{
    /// <summary>Counted by the indicator's plain definition (no special timing rule).</summary>
    Counted,

    // Dossier timing (ON_TIME_PROCESSING, AVG_PROCESSING_DAYS, DOSSIER_SATISFACTION).
    FinishedEarly,
    FinishedOnDueDate,
    FinishedLate,
    InProgressOnTime,
    InProgressOverdue,

    /// <summary>More than one supplement request: overdue, whatever the dates.</summary>
    LateAfterSecondSupplementRequest,

    /// <summary>One supplement request never answered: the dossier ends at the request.</summary>
    EndedBySupplementRequest,

    /// <summary>The citizen's supplement time moved the due date, and the dossier is on time with it.</summary>
    SupplementTimeAdded,

    /// <summary>AVG_PROCESSING_DAYS: days from receipt to finish, less the citizen's supplement time.</summary>
    ProcessingDays,

    Synced,
    NotSynced,
    ReceivedOnline,
    NotReceivedOnline,
    PaidOnline,
    NotPaidOnline,
    ElectronicResultReturned,
    NoElectronicResult,
    Digitized,
    NotDigitized,
    DataReused,
    DataNotReused,
    PersonalStoreLinked,
    PersonalStoreNotLinked,
    CitizenDataUsed,
    CitizenDataNotUsed,

    // DOSSIER_SATISFACTION.
    Satisfactory,
    OverdueUnsatisfactory,
    RatedDissatisfied,
    Complaint,

    // Petitions.
    PetitionResolvedOnTime,
    PetitionResolvedLate,
    PetitionOpenOnTime,
    PetitionOpenOverdue,
    PetitionSatisfactory,
    PetitionHandledLate,
    PetitionRatedNotSatisfied,
    PetitionRepeatComplaint,

    // Procedures with dossiers (distinct-procedure indicators).
    OnlineServiceWithOnlineDossiers,
    OnlineServiceWithoutOnlineDossiers,

    /// <summary>Online dossiers of a procedure the catalogue does not list as an online service of the unit: counted, up to the number of online services.</summary>
    OnlineDossiersOfOtherProcedure,

    /// <summary>As above, past the cap: the numerator never exceeds the number of online services.</summary>
    OnlineDossiersBeyondOnlineServices,
    FeeProcedurePaidOnline,
    FeeProcedureNotPaidOnline,

    // Catalogue indicators.
    PublicationDecidedOnTime,
    PublicationDecidedLate,
    MadePublicOnTime,
    MadePublicLate,
    PublicContentFull,
    PublicContentIncomplete,
    ProcedureOnline,
    ProcedureNotOnline,
    FeeIntegrated,
    FeeNotIntegrated,
    PopulationDataConnected,
    PopulationDataNotConnected,
}
