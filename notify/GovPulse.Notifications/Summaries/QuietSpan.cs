using GovPulse.Indicators.Periods;
using GovPulse.Notifications.Subscriptions;

namespace GovPulse.Notifications.Summaries;

/// <summary>One stretch of a subscription's quiet hours, as instants.</summary>
public sealed record QuietSpan(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>
    /// The latest stretch of <paramref name="quiet"/> that has ended at <paramref name="now"/> (its end
    /// at or before now); null when there are no quiet hours or <paramref name="now"/> is inside them.
    /// </summary>
    public static QuietSpan? LastEnded(QuietHours quiet, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(quiet);
        if (quiet.From == quiet.To || quiet.Contains(now))
        {
            return null;
        }

        var today = VietnamTime.LocalDate(now);
        var endDay = VietnamTime.StartOfDay(today).Add(quiet.To.ToTimeSpan()) <= now ? today : today.AddDays(-1);
        var end = VietnamTime.StartOfDay(endDay).Add(quiet.To.ToTimeSpan());
        var startDay = quiet.From < quiet.To ? endDay : endDay.AddDays(-1);
        return new QuietSpan(VietnamTime.StartOfDay(startDay).Add(quiet.From.ToTimeSpan()), end);
    }
}
