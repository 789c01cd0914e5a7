namespace GovPulse.Indicators.Scoring;

/// <summary>
/// The name of the rules GovPulse scores by: Decision 766/QĐ-TTg's indicators, thresholds and
/// rounding, and GovPulse's timing and conflicting-fact rules (docs/indicators.md). Exports state it
/// and their manifests record it, so a file can be told apart from one scored by other rules.
/// Change the revision whenever a rule changes what any figure is for the same events.
/// </summary>
public static class RuleSet
{
    public const string Current = "766/QĐ-TTg r1";
}
