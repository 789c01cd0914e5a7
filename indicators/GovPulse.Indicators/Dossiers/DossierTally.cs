namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// The counts a unit's dossiers and petitions give for a period at an evaluation time: the
/// numerators and denominators of the dossier-driven indicators. Parents pool by adding tallies.
/// </summary>
public sealed record DossierTally
{
    public static DossierTally Zero { get; } = new();

    public long Received { get; init; }

    public long FinishedEarly { get; init; }

    /// <summary>Finished on the due date (not early, not late).</summary>
    public long FinishedOnDueDate { get; init; }

    public long FinishedLate { get; init; }

    public long InProgressOnTime { get; init; }

    public long InProgressOverdue { get; init; }

    public long Apologies { get; init; }

    /// <summary>Sum of processing days of finished dossiers (AVG_PROCESSING_DAYS numerator).</summary>
    public decimal ProcessingDays { get; init; }

    public long Synced { get; init; }

    public long ReceivedOnline { get; init; }

    /// <summary>Distinct procedures with at least one online dossier (per unit; pooled by adding).</summary>
    public long ProceduresWithOnlineDossiers { get; init; }

    public long FeeDossiers { get; init; }

    public long FeeDossiersPaidOnline { get; init; }

    public long FeeProceduresWithDossiers { get; init; }

    public long FeeProceduresPaidOnline { get; init; }

    /// <summary>Finished dossiers of procedures that return a paper document.</summary>
    public long PaperResultFinished { get; init; }

    public long ElectronicResultOfPaper { get; init; }

    public long Digitized { get; init; }

    public long ReusedData { get; init; }

    public long PersonalStoreLinked { get; init; }

    public long CitizenData { get; init; }

    /// <summary>Dossiers rated not satisfied, with a complaint, or overdue.</summary>
    public long Unsatisfactory { get; init; }

    public long Petitions { get; init; }

    public long PetitionsOnTime { get; init; }

    public long PetitionsSatisfactory { get; init; }

    public long Finished => FinishedEarly + FinishedOnDueDate + FinishedLate;

    public long FinishedOnTime => FinishedEarly + FinishedOnDueDate;

    /// <summary>ON_TIME_PROCESSING's numerator.</summary>
    public long OnTime => FinishedEarly + FinishedOnDueDate + InProgressOnTime;

    public static DossierTally operator +(DossierTally a, DossierTally b) => new()
    {
        Received = a.Received + b.Received,
        FinishedEarly = a.FinishedEarly + b.FinishedEarly,
        FinishedOnDueDate = a.FinishedOnDueDate + b.FinishedOnDueDate,
        FinishedLate = a.FinishedLate + b.FinishedLate,
        InProgressOnTime = a.InProgressOnTime + b.InProgressOnTime,
        InProgressOverdue = a.InProgressOverdue + b.InProgressOverdue,
        Apologies = a.Apologies + b.Apologies,
        ProcessingDays = a.ProcessingDays + b.ProcessingDays,
        Synced = a.Synced + b.Synced,
        ReceivedOnline = a.ReceivedOnline + b.ReceivedOnline,
        ProceduresWithOnlineDossiers = a.ProceduresWithOnlineDossiers + b.ProceduresWithOnlineDossiers,
        FeeDossiers = a.FeeDossiers + b.FeeDossiers,
        FeeDossiersPaidOnline = a.FeeDossiersPaidOnline + b.FeeDossiersPaidOnline,
        FeeProceduresWithDossiers = a.FeeProceduresWithDossiers + b.FeeProceduresWithDossiers,
        FeeProceduresPaidOnline = a.FeeProceduresPaidOnline + b.FeeProceduresPaidOnline,
        PaperResultFinished = a.PaperResultFinished + b.PaperResultFinished,
        ElectronicResultOfPaper = a.ElectronicResultOfPaper + b.ElectronicResultOfPaper,
        Digitized = a.Digitized + b.Digitized,
        ReusedData = a.ReusedData + b.ReusedData,
        PersonalStoreLinked = a.PersonalStoreLinked + b.PersonalStoreLinked,
        CitizenData = a.CitizenData + b.CitizenData,
        Unsatisfactory = a.Unsatisfactory + b.Unsatisfactory,
        Petitions = a.Petitions + b.Petitions,
        PetitionsOnTime = a.PetitionsOnTime + b.PetitionsOnTime,
        PetitionsSatisfactory = a.PetitionsSatisfactory + b.PetitionsSatisfactory,
    };

    public DossierTally Add(DossierTally other) => this + other;
}
