using GovPulse.Indicators.Events;
using GovPulse.Indicators.Explanations;
using GovPulse.Indicators.Periods;

namespace GovPulse.Exports.Explanations;

/// <summary>
/// One item of an explanation as the API writes it: identifiers, procedure, channel, times (local,
/// with offset) and the rule that placed it — never a citizen's name or contact details.
/// </summary>
/// <param name="Subject"><c>dossier</c>, <c>petition</c> or <c>procedure</c>.</param>
/// <param name="Value">What the item adds to the numerator (1 or 0 for counts; processing days for AVG_PROCESSING_DAYS).</param>
/// <param name="RuleCode">The rule's stable name (<see cref="ExplanationRule"/>).</param>
/// <param name="Rule">The rule as a sentence in the language asked for.</param>
public sealed record ExplainedDossierView(
    string DossierId,
    string Subject,
    string? ProcedureCode,
    Channel? Channel,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? FinishedAt,
    bool InNumerator,
    bool InDenominator,
    decimal Value,
    string RuleCode,
    string Rule)
{
    public static ExplainedDossierView Of(ExplainedItem item, bool english)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ExplainedDossierView(
            item.Id,
            SubjectWord(item.Subject),
            item.ProcedureCode,
            item.Channel,
            Local(item.ReceivedAt),
            Local(item.DueAt),
            Local(item.FinishedAt),
            item.InNumerator,
            item.InDenominator,
            item.NumeratorValue,
            item.Rule.ToString(),
            ExplanationRuleText.Describe(item.Rule, english));
    }

    public static string SubjectWord(ExplainedSubject subject) => subject switch
    {
        ExplainedSubject.Petition => "petition",
        ExplainedSubject.Procedure => "procedure",
        _ => "dossier",
    };

    private static DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } t ? VietnamTime.ToLocal(t) : null;
}
