namespace GovPulse.Notifications.Push;

/// <summary>What a push service did with one message.</summary>
public enum PushOutcome
{
    /// <summary>Accepted (201).</summary>
    Sent,

    /// <summary>The subscription is gone (404/410); it was removed.</summary>
    Removed,

    /// <summary>Refused after the retries (or refused outright, e.g. 400/403/413).</summary>
    Failed,
}
