namespace GovPulse.Indicators.Dossiers;

/// <summary>Why an open dossier is overdue, by the Decision 766 timing rules (docs/indicators.md).</summary>
public enum OverdueReason
{
    /// <summary>Its due time (moved by the citizen's supplement time) has passed.</summary>
    DuePassed,

    /// <summary>
    /// More than one supplement request was made: the dossier is overdue though its due time is still
    /// ahead. When the due time has also passed, the reason is <see cref="DuePassed"/>, which carries the days late.
    /// </summary>
    SecondSupplementRequest,
}
