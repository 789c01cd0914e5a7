namespace GovPulse.Notifications.Alerts;

/// <summary>
/// A rule's condition started or cleared for a unit, with the figures that say why (what the notice
/// shows). Dossier rules group the dossiers that turned (or stopped being) overdue at one evaluation.
/// </summary>
/// <param name="At">The evaluation time of the scorecard that showed it.</param>
/// <param name="Period">The scorecard's period (<c>2026-12</c>).</param>
/// <param name="FromBand">Band drops: the band before the drop (Vietnamese name).</param>
/// <param name="ToBand">Band drops: the band now.</param>
/// <param name="Total">Band drops: the total now.</param>
/// <param name="Value">On-time ratio (%) or overdue count now.</param>
/// <param name="Dossiers">Dossier rules: the dossiers of this transition, most urgent first.</param>
/// <param name="StillOverdue">Dossier rules: the unit's open overdue dossiers after it.</param>
public sealed record AlertTransition(
    AlertRule Rule,
    string UnitCode,
    bool Started,
    DateTimeOffset At,
    string Period,
    string? FromBand = null,
    string? ToBand = null,
    decimal? Total = null,
    decimal? Value = null,
    IReadOnlyList<string>? Dossiers = null,
    int StillOverdue = 0)
{
    public IReadOnlyList<string> Dossiers { get; init; } = Dossiers ?? [];
}
