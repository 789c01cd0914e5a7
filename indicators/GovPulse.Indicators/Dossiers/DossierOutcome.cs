namespace GovPulse.Indicators.Dossiers;

/// <summary>Where a dossier stands at an evaluation time (Giải quyết trước hạn / đúng hạn / quá hạn; Đang giải quyết trong hạn / quá hạn).</summary>
public enum DossierOutcome
{
    FinishedEarly,
    FinishedOnTime,
    FinishedLate,
    InProgressOnTime,
    InProgressOverdue,
}

public static class DossierOutcomes
{
    /// <summary>Counts in ON_TIME_PROCESSING's numerator: finished early or on time, or in progress and not yet due.</summary>
    public static bool IsOnTime(this DossierOutcome outcome) =>
        outcome is DossierOutcome.FinishedEarly or DossierOutcome.FinishedOnTime or DossierOutcome.InProgressOnTime;

    public static bool IsFinished(this DossierOutcome outcome) =>
        outcome is DossierOutcome.FinishedEarly or DossierOutcome.FinishedOnTime or DossierOutcome.FinishedLate;
}
