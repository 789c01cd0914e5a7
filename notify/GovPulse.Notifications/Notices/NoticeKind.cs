namespace GovPulse.Notifications.Notices;

/// <summary>What a notice is; decides which subscriptions take it (their schedule) and its wire name.</summary>
public enum NoticeKind
{
    /// <summary>A person's test message (<c>POST /api/v1/push/test</c>): every subscription, at once.</summary>
    Test,

    /// <summary>The summary of one published hour.</summary>
    Hourly,

    /// <summary>The catch-up digest after quiet hours: what happened while they were quiet.</summary>
    Digest,

    /// <summary>The daily summary at 07:00 for people who chose "daily".</summary>
    Daily,

    /// <summary>An alert rule's condition started.</summary>
    AlertStarted,

    /// <summary>An alert rule's condition cleared.</summary>
    AlertCleared,

    /// <summary>A department head's 07:00 list of dossiers turning overdue today and tomorrow.</summary>
    MorningList,
}
