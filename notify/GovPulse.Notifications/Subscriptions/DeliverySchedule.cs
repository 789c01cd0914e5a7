namespace GovPulse.Notifications.Subscriptions;

/// <summary>How often a subscription hears from GovPulse (wire names <c>hourly</c>, <c>daily</c>, <c>alerts</c>).</summary>
public enum DeliverySchedule
{
    /// <summary>Every published hour (outside quiet hours), plus alerts and the morning list.</summary>
    Hourly,

    /// <summary>One summary at 07:00, plus alerts and the morning list.</summary>
    Daily,

    /// <summary>Only alerts and the morning list.</summary>
    Alerts,
}
