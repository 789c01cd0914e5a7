using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Scoring;
using GovPulse.Notifications.Alerts;

namespace GovPulse.Notifications.Tests.Alerts;

/// <summary>Scorecards, rules and overdue dossiers that speak the domain, for arranging alert tests.</summary>
internal static class Scorecards
{
    public const string Unit = "26737";

    public static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(7));

    /// <summary>A scorecard of <paramref name="period"/> with data: the band, the on-time ratio and the overdue count given.</summary>
    public static Scorecard Of(
        string? band = "Tốt", decimal? onTime = 90m, long overdue = 0, long received = 10, long version = 0, string period = "2026-11", int minute = 0, decimal? total = 85m)
    {
        var indicator = onTime is { } ratio
            ? new IndicatorScore(IndicatorCode.ON_TIME_PROCESSING, ratio, 100m, ratio, ratio / 5m, 20m, false)
            : new IndicatorScore(IndicatorCode.ON_TIME_PROCESSING, null, null, 0m, 0m, 20m, true);
        return new Scorecard(
            Unit, "Phường Tân Định", period, Start.AddMinutes(minute), new ScorecardCounts(received, 0, InProgressOverdue: overdue),
            total, band, [new GroupScore(GroupCode.PROGRESS, indicator.Points, 20m, [indicator])])
        {
            Version = version,
        };
    }

    public static AlertRule Rule(AlertKind kind, decimal? threshold = null, DateTimeOffset? created = null) =>
        new("al_0123456789abcdef", "lanhdao", kind, Unit, threshold, created ?? Start.AddDays(-1));

    public static DossierToChase Overdue(string id, DateTimeOffset? since) =>
        new(id, "2.000815", Channel.Online, Start.AddDays(-5), since ?? Start.AddDays(2),
            since is null ? OverdueReason.SecondSupplementRequest : OverdueReason.DuePassed, since, since is null ? 0 : 1, null, since is null ? 2 : 0);
}
