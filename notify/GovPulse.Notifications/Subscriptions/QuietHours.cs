using System.Globalization;
using GovPulse.Indicators.Periods;

namespace GovPulse.Notifications.Subscriptions;

/// <summary>
/// A daily span of Vietnam time when a subscription gets nothing pushed (default 22:00–06:30);
/// <see cref="From"/> after <see cref="To"/> spans midnight. Equal ends mean no quiet hours.
/// </summary>
[GenerateSerializer, Immutable, Alias("govpulse.quiet-hours")]
public sealed record QuietHours([property: Id(0)] TimeOnly From, [property: Id(1)] TimeOnly To)
{
    public static QuietHours Default { get; } = new(new TimeOnly(22, 0), new TimeOnly(6, 30));

    public static QuietHours None { get; } = new(TimeOnly.MinValue, TimeOnly.MinValue);

    /// <summary>Whether <paramref name="instant"/> falls inside the quiet hours (Vietnam time; <see cref="From"/> inclusive, <see cref="To"/> exclusive).</summary>
    public bool Contains(DateTimeOffset instant)
    {
        var time = TimeOnly.FromTimeSpan(VietnamTime.ToLocal(instant).TimeOfDay);
        return From == To ? false
            : From < To ? time >= From && time < To
            : time >= From || time < To;
    }

    /// <summary>Parses <c>HH:mm</c> ends; false with a reason when either is not a time of day.</summary>
    public static bool TryParse(string? from, string? to, out QuietHours quiet, out string? error)
    {
        quiet = Default;
        error = null;
        if (!TimeOnly.TryParseExact(from, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f))
        {
            error = $"quietHours.from '{from}' is not a time of day as HH:mm (e.g. 22:00)";
            return false;
        }

        if (!TimeOnly.TryParseExact(to, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            error = $"quietHours.to '{to}' is not a time of day as HH:mm (e.g. 06:30)";
            return false;
        }

        quiet = new QuietHours(f, t);
        return true;
    }

    public override string ToString() => $"{From:HH\\:mm}–{To:HH\\:mm}";
}
