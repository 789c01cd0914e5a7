using GovPulse.Indicators.Events;

namespace GovPulse.Indicators.Explanations;

/// <summary>
/// One dossier, petition or procedure counted in an indicator's numerator or denominator, with the
/// rule that placed it. Identifiers only: never a citizen's name or contact details.
/// </summary>
/// <param name="Id">The dossier id, the petition id, or the procedure code.</param>
/// <param name="ProcedureCode">The dossier's procedure (a procedure's own code for procedures); null for petitions.</param>
/// <param name="NumeratorValue">What the item adds to the numerator: 1 or 0 for counts; its processing days for AVG_PROCESSING_DAYS.</param>
public sealed record ExplainedItem(
    ExplainedSubject Subject,
    string Id,
    string? ProcedureCode,
    Channel? Channel,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? FinishedAt,
    bool InNumerator,
    bool InDenominator,
    decimal NumeratorValue,
    ExplanationRule Rule);
