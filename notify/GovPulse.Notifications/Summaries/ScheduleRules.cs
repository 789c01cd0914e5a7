using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Subscriptions;

namespace GovPulse.Notifications.Summaries;

/// <summary>Which notice kinds each delivery schedule takes (see <see cref="IPersonNotifier"/>).</summary>
public static class ScheduleRules
{
    public static bool Takes(DeliverySchedule schedule, NoticeKind kind) => kind switch
    {
        NoticeKind.Test or NoticeKind.AlertStarted or NoticeKind.AlertCleared or NoticeKind.MorningList => true,
        NoticeKind.Hourly => schedule == DeliverySchedule.Hourly,
        NoticeKind.Daily => schedule == DeliverySchedule.Daily,

        // Every schedule can hold alerts or a morning list in quiet hours; a digest brings them.
        NoticeKind.Digest => true,
        _ => false,
    };

    /// <summary>
    /// Whether a notice of <paramref name="kind"/> inside quiet hours is kept for the digest. An hourly
    /// summary is not: the digest itself says what changed over the whole quiet span. A test goes out at once.
    /// </summary>
    public static bool HeldInQuietHours(NoticeKind kind) => kind is not (NoticeKind.Test or NoticeKind.Hourly or NoticeKind.Digest);
}
