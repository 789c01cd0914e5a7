using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GovPulse.Indicators.Scoring;
using GovPulse.Notifications.Notices;

namespace GovPulse.Notifications.Alerts;

/// <summary>
/// The notice of a transition, in Vietnamese (glossary-vi.md words, vi-VN numbers: <c>76,50%</c>) and
/// English. Started: urgency high; cleared: normal. The topic is the rule and unit's, so a "cleared"
/// replaces an unread "started" on the phone; the id (<c>alert/&lt;rule&gt;/&lt;unit&gt;/&lt;n&gt;</c>)
/// is the transition's, the same on every resend.
/// </summary>
public static class AlertNotices
{
    /// <summary>Dossier ids a dossier notice names before "and N more".</summary>
    public const int DossiersNamed = 3;

    /// <summary>How long a push service keeps an alert for a phone that is off.</summary>
    public static TimeSpan TimeToLive { get; } = TimeSpan.FromHours(24);

    private static readonly NumberFormatInfo Vietnamese = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = "." };

    /// <param name="unitName">The unit's name (Phường Tân Định).</param>
    /// <param name="number">The transition's number among the rule and unit's notices (1, 2, …).</param>
    public static Notice For(AlertTransition transition, string unitName, int number)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var rule = transition.Rule;
        var (title, body) = Text(transition, unitName);
        var url = rule.Kind == AlertKind.DossierOverdue ? $"/#/units/{transition.UnitCode}/late" : $"/#/units/{transition.UnitCode}";
        return new Notice(
            Id: FormattableString.Invariant($"alert/{rule.Id}/{transition.UnitCode}/{number}"),
            Kind: transition.Started ? NoticeKind.AlertStarted : NoticeKind.AlertCleared,
            Title: title,
            Body: body,
            Url: url,
            Topic: TopicOf(rule.Id, transition.UnitCode),
            Urgency: transition.Started ? NoticeUrgency.High : NoticeUrgency.Normal,
            TimeToLive: TimeToLive,
            CreatedAt: transition.At,
            UnitCode: transition.UnitCode,
            DataJson: Data(transition, unitName));
    }

    /// <summary>RFC 8030 topic of a rule and unit: 32 characters of base64url (of a SHA-256 of both).</summary>
    public static string TopicOf(string ruleId, string unitCode)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"alert/{ruleId}/{unitCode}"));
        return Convert.ToBase64String(hash, 0, 24).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>A number as vi-VN writes it: <c>76,5</c>, <c>1.234</c>.</summary>
    public static string Vi(decimal value) => value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.00", Vietnamese);

    /// <summary>A number as English writes it: <c>76.50</c>, <c>1,234</c>.</summary>
    public static string En(decimal value) => value.ToString(value == decimal.Truncate(value) ? "#,0" : "#,0.00", CultureInfo.InvariantCulture);

    private static (NoticeText Title, NoticeText Body) Text(AlertTransition t, string unit)
    {
        var period = PeriodText(t.Period);
        switch (t.Rule.Kind)
        {
            case AlertKind.BandDrop:
            {
                var from = Band.FromVietnamese(t.FromBand);
                var to = Band.FromVietnamese(t.ToBand);
                var totalVi = t.Total is { } tv ? $" (Tổng điểm {Vi(tv)})" : string.Empty;
                var totalEn = t.Total is { } te ? $" (total points {En(te)})" : string.Empty;
                return t.Started
                    ? (new NoticeText($"Cảnh báo: {unit} giảm xếp loại", $"Alert: {unit} dropped a band"),
                       new NoticeText(
                           $"Xếp loại giảm từ {from?.Vietnamese} xuống {to?.Vietnamese}{totalVi}, {period.Vi}.",
                           $"Band fell from {from?.English} to {to?.English}{totalEn}, {period.En}."))
                    : (new NoticeText($"Hết cảnh báo: {unit} trở lại xếp loại {to?.Vietnamese}", $"Alert cleared: {unit} is back to {to?.English}"),
                       new NoticeText(
                           $"Xếp loại hiện tại: {to?.Vietnamese}{totalVi}, {period.Vi}.",
                           $"Band now: {to?.English}{totalEn}, {period.En}."));
            }

            case AlertKind.OnTimeBelow:
            {
                var x = t.Rule.Threshold ?? 0m;
                var v = t.Value ?? 0m;
                return t.Started
                    ? (new NoticeText($"Cảnh báo: {unit} có tỷ lệ đúng hạn dưới {Vi(x)}%", $"Alert: {unit} is below {En(x)}% on time"),
                       new NoticeText(
                           $"Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn: {Vi(v)}% (ngưỡng {Vi(x)}%), {period.Vi}.",
                           $"Dossiers processed early or on time: {En(v)}% (threshold {En(x)}%), {period.En}."))
                    : (new NoticeText($"Hết cảnh báo: {unit} đạt lại tỷ lệ đúng hạn {Vi(x)}%", $"Alert cleared: {unit} is back at {En(x)}% on time"),
                       new NoticeText(
                           $"Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn: {Vi(v)}% (ngưỡng {Vi(x)}%), {period.Vi}.",
                           $"Dossiers processed early or on time: {En(v)}% (threshold {En(x)}%), {period.En}."));
            }

            case AlertKind.OverdueAbove:
            {
                var n = t.Rule.Threshold ?? 0m;
                var v = t.Value ?? 0m;
                return t.Started
                    ? (new NoticeText($"Cảnh báo: {unit} có {Vi(v)} hồ sơ quá hạn", $"Alert: {unit} has {En(v)} overdue dossiers"),
                       new NoticeText(
                           $"Đang giải quyết quá hạn: {Vi(v)} hồ sơ, vượt ngưỡng {Vi(n)}, {period.Vi}.",
                           $"In progress, overdue: {En(v)} dossiers, above the threshold of {En(n)}, {period.En}."))
                    : (new NoticeText($"Hết cảnh báo: {unit} còn {Vi(v)} hồ sơ quá hạn", $"Alert cleared: {unit} is down to {En(v)} overdue dossiers"),
                       new NoticeText(
                           $"Đang giải quyết quá hạn: {Vi(v)} hồ sơ, không vượt ngưỡng {Vi(n)}, {period.Vi}.",
                           $"In progress, overdue: {En(v)} dossiers, not above the threshold of {En(n)}, {period.En}."));
            }

            default:
            {
                var count = t.Dossiers.Count;
                var named = string.Join(", ", t.Dossiers.Take(DossiersNamed));
                var moreVi = count > DossiersNamed ? $" và {Vi(count - DossiersNamed)} hồ sơ khác" : string.Empty;
                var moreEn = count > DossiersNamed ? $" and {En(count - DossiersNamed)} more" : string.Empty;
                var stillVi = $"Đang quá hạn: {Vi(t.StillOverdue)} hồ sơ.";
                var stillEn = $"Overdue now: {En(t.StillOverdue)} {(t.StillOverdue == 1 ? "dossier" : "dossiers")}.";
                return t.Started
                    ? (count == 1
                           ? new NoticeText($"Cảnh báo: hồ sơ {named} quá hạn tại {unit}", $"Alert: dossier {named} is overdue at {unit}")
                           : new NoticeText($"Cảnh báo: {Vi(count)} hồ sơ mới quá hạn tại {unit}", $"Alert: {En(count)} dossiers turned overdue at {unit}"),
                       new NoticeText($"{named}{moreVi}. {stillVi}", $"{named}{moreEn}. {stillEn}"))
                    : (count == 1
                           ? new NoticeText($"Hết cảnh báo: hồ sơ {named} không còn quá hạn tại {unit}", $"Alert cleared: dossier {named} is no longer overdue at {unit}")
                           : new NoticeText($"Hết cảnh báo: {Vi(count)} hồ sơ không còn quá hạn tại {unit}", $"Alert cleared: {En(count)} dossiers are no longer overdue at {unit}"),
                       new NoticeText($"{named}{moreVi}. {stillVi}", $"{named}{moreEn}. {stillEn}"));
            }
        }
    }

    /// <summary>"Tháng 12/2026" / "December 2026" for a month (<c>2026-12</c>); the text itself otherwise.</summary>
    private static (string Vi, string En) PeriodText(string period) =>
        DateTime.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? ($"Tháng {month.Month}/{month.Year}", month.ToString("MMMM yyyy", CultureInfo.InvariantCulture))
            : (period, period);

    private static string Data(AlertTransition t, string unitName) => JsonSerializer.Serialize(new
    {
        rule = t.Rule.Id,
        owner = t.Rule.Owner,
        kind = t.Rule.Kind.Name(),
        state = t.Started ? "started" : "cleared",
        unitCode = t.UnitCode,
        unitName,
        period = t.Period,
        at = t.At,
        threshold = t.Rule.Threshold,
        fromBand = t.FromBand,
        toBand = t.ToBand,
        total = t.Total,
        value = t.Value,
        dossiers = t.Rule.Kind == AlertKind.DossierOverdue ? t.Dossiers : null,
        overdue = t.Rule.Kind == AlertKind.DossierOverdue ? t.StillOverdue : (int?)null,
    });
}
