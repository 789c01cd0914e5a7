namespace GovPulse.Indicators.Periods;

/// <summary>
/// Local time for the rules: dossiers belong to periods by their receipt time in Asia/Ho_Chi_Minh.
/// Vietnam has kept UTC+7 without daylight saving since 1975; the fixed fallback only serves
/// machines without time-zone data (slim containers).
/// </summary>
public static class VietnamTime
{
    public static TimeZoneInfo Zone { get; } = FindZone();

    public static TimeSpan Offset { get; } = TimeSpan.FromHours(7);

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    /// <summary>00:00 local time on the given day.</summary>
    public static DateTimeOffset StartOfDay(DateOnly day) =>
        new(day.ToDateTime(TimeOnly.MinValue), Zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam");
        }
    }
}
