using System.Diagnostics.CodeAnalysis;

namespace GovPulse.Notifications.Alerts;

/// <summary>The wire names of <see cref="AlertKind"/>, exact and case-sensitive.</summary>
public static class AlertKindNames
{
    public const string Choices = "bandDrop, onTimeBelow, overdueAbove, dossierOverdue";

    public static string Name(this AlertKind kind) => kind switch
    {
        AlertKind.BandDrop => "bandDrop",
        AlertKind.OnTimeBelow => "onTimeBelow",
        AlertKind.OverdueAbove => "overdueAbove",
        AlertKind.DossierOverdue => "dossierOverdue",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? name, [NotNullWhen(true)] out AlertKind? kind)
    {
        kind = name switch
        {
            "bandDrop" => AlertKind.BandDrop,
            "onTimeBelow" => AlertKind.OnTimeBelow,
            "overdueAbove" => AlertKind.OverdueAbove,
            "dossierOverdue" => AlertKind.DossierOverdue,
            _ => null,
        };
        return kind is not null;
    }

    /// <summary>Whether the kind watches figures (read by every signed-in role) rather than dossiers.</summary>
    public static bool IsFigures(this AlertKind kind) => kind != AlertKind.DossierOverdue;
}
