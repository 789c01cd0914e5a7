namespace GovPulse.Indicators.Scoring;

/// <summary>One of the portal's six groups (indicators-766.md §1) with its indicators in portal order.</summary>
public sealed record GroupDefinition(
    GroupCode Code,
    decimal Max,
    string Vietnamese,
    string English,
    IReadOnlyList<IndicatorDefinition> Indicators);
