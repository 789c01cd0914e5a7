using GovPulse.Security;
using GovPulse.Security.Access;

namespace GovPulse.Notifications.Summaries;

/// <summary>
/// What a person's summaries may speak of: the whole city, or one unit. Read from the role matrix
/// (<see cref="ReadMatrix"/>): a summary names overdue dossiers, so it is city-wide only for roles
/// that read every unit's dossiers (leader, auditor, admin); a department head, who reads the
/// dossiers of their own unit only, gets their unit alone (never another unit, nor the city total).
/// </summary>
/// <param name="UnitCode">The one unit; null for the city-wide version.</param>
public sealed record SummaryAudience(string? UnitCode)
{
    public static SummaryAudience City { get; } = new((string?)null);

    public bool IsCity => UnitCode is null;

    /// <summary>The audience of a person with <paramref name="role"/> and <paramref name="unitCode"/>; null when they read no dossiers.</summary>
    public static SummaryAudience? For(string? role, string? unitCode) => ReadMatrix.ForPerson(role, ReadKind.Dossiers) switch
    {
        Reach.CityWide => City,
        Reach.OwnUnits when !string.IsNullOrEmpty(unitCode) => new SummaryAudience(unitCode),
        _ => null,
    };

    /// <summary>Whether a person with <paramref name="role"/> gets the morning list (the dossiers of their own unit).</summary>
    public static bool GetsMorningList(string? role, string? unitCode) =>
        role == Roles.DepartmentHead && !string.IsNullOrEmpty(unitCode);
}
