namespace GovPulse.Indicators.Dossiers;

/// <summary>A dossier judged at an evaluation time.</summary>
/// <param name="EffectiveDue">The due time after citizen supplement time is added.</param>
/// <param name="FinishedAt">Finish time, when finished by the evaluation time.</param>
/// <param name="ProcessingDays">Days from receipt to finish less the citizen's time (finished dossiers).</param>
public readonly record struct DossierStanding(
    DossierOutcome Outcome,
    DateTimeOffset EffectiveDue,
    DateTimeOffset? FinishedAt,
    decimal ProcessingDays);
