using System.Globalization;
using GovPulse.Indicators.Periods;

namespace GovPulse.Grains;

/// <summary>
/// Hours as the hourly publication names them: the start of a local (Asia/Ho_Chi_Minh) hour, and
/// its grain key <c>yyyy-MM-ddTHH</c> in local time, e.g. <c>2026-11-23T10</c>.
/// </summary>
public static class PublicationHour
{
    private const string KeyFormat = "yyyy-MM-dd'T'HH";

    /// <summary>The start of the local hour that contains <paramref name="instant"/>, at +07:00.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        return new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset);
    }

    /// <summary>The grain key of the hour that contains <paramref name="instant"/>.</summary>
    public static string Key(DateTimeOffset instant) => StartOf(instant).ToString(KeyFormat, CultureInfo.InvariantCulture);

    public static bool TryParse(string? key, out DateTimeOffset hour)
    {
        hour = default;
        if (!DateTime.TryParseExact(key, KeyFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        hour = new DateTimeOffset(local, VietnamTime.Zone.GetUtcOffset(local));
        return true;
    }

    /// <summary>The publisher of the hour that contains <paramref name="instant"/>.</summary>
    public static IHourlyPublisherGrain GetHourlyPublisher(this IGrainFactory grains, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IHourlyPublisherGrain>(Key(instant));
    }
}
