namespace GovPulse.Indicators.Explanations;

/// <summary>
/// The rule that placed an item in (or left it out of) an indicator's numerator, e.g. "finished
/// before the due date" or "supplement requested twice ⇒ overdue". Stable names: the API returns
/// them as <c>ruleCode</c>; <see cref="ExplanationRuleText"/> gives the sentence in Vietnamese or English.
/// </summary>
public enum ExplanationRule
{
    /// <summary>Counted by the indicator's plain definition (no special timing rule).</summary>
    Counted,
}
