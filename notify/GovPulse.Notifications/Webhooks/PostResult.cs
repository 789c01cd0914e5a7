namespace GovPulse.Notifications.Webhooks;

/// <summary>Delivered (2xx), gone for good (410), or failed (anything else: tried again).</summary>
public enum PostResult
{
    Delivered,
    Gone,
    Failed,
}
