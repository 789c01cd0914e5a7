using GovPulse.Security.Access;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Notifications.Alerts;

/// <summary>
/// Whether a rule's owner may still read what it watches, asked when a notice is due (the API asks the
/// same of the session when the rule is set): a person disabled, gone, or no longer allowed to read the
/// unit (a department head moved to another unit) gets nothing.
/// </summary>
public static class AlertAccess
{
    public static bool MayRead(StoredUser? owner, AlertKind kind, string unitCode)
    {
        if (owner is not { Disabled: false })
        {
            return false;
        }

        return ReadMatrix.ForPerson(owner.Role, kind.IsFigures() ? ReadKind.Figures : ReadKind.Dossiers) switch
        {
            Reach.CityWide => true,
            Reach.OwnUnits => string.Equals(owner.UnitCode, unitCode, StringComparison.Ordinal),
            _ => false,
        };
    }
}
