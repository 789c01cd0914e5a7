using GovPulse.Indicators.Scoring;

namespace GovPulse.Notifications.Alerts;

/// <summary>
/// Told when a unit's alerts grain has finished with a scorecard (judged, stored, delivered): the seam
/// through which tests await an evaluation instead of sleeping. The node registers <see cref="None"/>.
/// </summary>
public class AlertEvaluationProbe
{
    public static AlertEvaluationProbe None { get; } = new();

    /// <param name="failure">Null when it went through; else what failed (the next scorecard tries again).</param>
    public virtual void Judged(string unitCode, Scorecard scorecard, Exception? failure)
    {
    }
}
