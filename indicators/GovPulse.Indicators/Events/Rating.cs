namespace GovPulse.Indicators.Events;

/// <summary>A citizen's rating of a dossier's handling.</summary>
public enum Rating
{
    Satisfied,
    Neutral,
    Dissatisfied,
}
