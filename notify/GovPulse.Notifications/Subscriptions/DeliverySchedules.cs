namespace GovPulse.Notifications.Subscriptions;

/// <summary>The wire names of <see cref="DeliverySchedule"/>: <c>hourly</c>, <c>daily</c>, <c>alerts</c>.</summary>
public static class DeliverySchedules
{
    public static string Name(DeliverySchedule schedule) => schedule switch
    {
        DeliverySchedule.Hourly => "hourly",
        DeliverySchedule.Daily => "daily",
        DeliverySchedule.Alerts => "alerts",
        _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule, null),
    };

    /// <summary>The schedule named <paramref name="name"/> (exactly a wire name); false for anything else.</summary>
    public static bool TryParse(string? name, out DeliverySchedule schedule)
    {
        (var known, schedule) = name switch
        {
            "hourly" => (true, DeliverySchedule.Hourly),
            "daily" => (true, DeliverySchedule.Daily),
            "alerts" => (true, DeliverySchedule.Alerts),
            _ => (false, DeliverySchedule.Hourly),
        };
        return known;
    }
}
