namespace GovPulse.Indicators.Dossiers;

/// <summary>Which open dossiers a department head is chasing.</summary>
public enum ChaseStatus
{
    /// <summary>Open and past their due time (Đang giải quyết quá hạn).</summary>
    Overdue,

    /// <summary>Open, on time, and due within a few working days.</summary>
    DueSoon,

    /// <summary>Every open dossier, overdue or not.</summary>
    InProgress,
}
