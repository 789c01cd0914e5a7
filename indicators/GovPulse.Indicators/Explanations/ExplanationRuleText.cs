namespace GovPulse.Indicators.Explanations;

/// <summary>The sentence that says a rule, in Vietnamese (the default) or English (docs/glossary-vi.md's words).</summary>
public static class ExplanationRuleText
{
    public static string Describe(ExplanationRule rule, bool english) => rule switch
    {
        ExplanationRule.Counted => english ? "Counted by the indicator's definition" : "Tính theo định nghĩa của chỉ số",
        _ => rule.ToString(),
    };
}
