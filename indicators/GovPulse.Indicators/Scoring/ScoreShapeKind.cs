namespace GovPulse.Indicators.Scoring;

/// <summary>How an indicator turns its ratio into points (indicators-766.md §1).</summary>
public enum ScoreShapeKind
{
    /// <summary>points = max × R.</summary>
    Linear,

    /// <summary>points = min(max, max × R / t): full points once R reaches t.</summary>
    Threshold,

    /// <summary>Shown beside the index, never scored (AVG_PROCESSING_DAYS).</summary>
    DisplayOnly,
}
