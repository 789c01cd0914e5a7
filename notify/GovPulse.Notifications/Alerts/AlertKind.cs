namespace GovPulse.Notifications.Alerts;

/// <summary>What an alert rule watches. Wire names: <c>bandDrop</c>, <c>onTimeBelow</c>, <c>overdueAbove</c>, <c>dossierOverdue</c> (<see cref="AlertKindNames"/>).</summary>
public enum AlertKind
{
    /// <summary>The unit's band falls below the band it had before; clears when it is back at least at that band.</summary>
    BandDrop,

    /// <summary>The unit's on-time ratio (ON_TIME_PROCESSING, in %) falls below the threshold; clears at or above it.</summary>
    OnTimeBelow,

    /// <summary>The unit's open overdue dossiers (Đang giải quyết quá hạn) exceed the threshold; clear at or below it.</summary>
    OverdueAbove,

    /// <summary>A dossier of the unit turns overdue (per dossier); clears when it is no longer open and overdue.</summary>
    DossierOverdue,
}
