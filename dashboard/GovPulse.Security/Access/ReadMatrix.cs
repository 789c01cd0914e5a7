namespace GovPulse.Security.Access;

/// <summary>
/// The role matrix: how far each caller reads each kind of content. The one place that says it —
/// the read API (<see cref="UnitReadHandler"/>) and every hub message (<see cref="UnitAccessHubFilter"/>,
/// <see cref="HubAudiences"/>) ask it through <see cref="UnitAccess"/>, so a change here changes both.
/// </summary>
public static class ReadMatrix
{
    /// <summary>How far a person signed in with <paramref name="role"/> reads <paramref name="kind"/>.</summary>
    public static Reach ForPerson(string? role, ReadKind kind) => (role, kind) switch
    {
        (Roles.Leader or Roles.Auditor or Roles.Admin, _) => Reach.CityWide,

        // Figures are open to every signed-in role, as the national portal publishes every unit's
        // scores; the dossiers behind them (whose case, what is late) stay with the unit's own head.
        (Roles.DepartmentHead, ReadKind.Figures) => Reach.CityWide,
        (Roles.DepartmentHead, ReadKind.Dossiers) => Reach.OwnUnits,
        _ => Reach.Nothing,
    };

    /// <summary>
    /// How far an API key reads <paramref name="kind"/>: a key for every unit reads like a leader; a key
    /// scoped to some units reads figures like a department head (every unit's) and dossiers of its units only.
    /// </summary>
    public static Reach ForKey(bool everyUnit, ReadKind kind) => everyUnit || kind == ReadKind.Figures ? Reach.CityWide : Reach.OwnUnits;
}
