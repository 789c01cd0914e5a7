namespace GovPulse.Notifications.Notices;

/// <summary>RFC 8030 §5.3 urgency: how much battery a push service may spend delivering it.</summary>
public enum NoticeUrgency
{
    VeryLow,
    Low,
    Normal,
    High,
}
