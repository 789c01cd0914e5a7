namespace GovPulse.Notifications.Webhooks;

/// <summary>Where one message to one webhook stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>In the outbox: not yet delivered, still being tried.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Given up (retries exhausted, or the webhook answered 410 Gone): a dead letter an admin can replay.</summary>
    Dead,
}
