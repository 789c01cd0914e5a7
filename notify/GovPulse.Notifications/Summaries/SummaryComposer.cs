using System.Text.Json;
using GovPulse.Grains;
using GovPulse.Indicators.Dossiers;
using GovPulse.Notifications.Notices;

namespace GovPulse.Notifications.Summaries;

/// <summary>
/// Writes the summaries' notices, Vietnamese first, from figures already cut to the audience: the
/// city-wide version names the city total, the communes that changed band and the city's new
/// overdue dossiers; a unit's version names that unit alone.
/// </summary>
/// <param name="listed">How many band changes, held notices or dossiers a notice names before "and N more".</param>
public sealed class SummaryComposer(int listed = 3)
{
    public static readonly TimeSpan HourlyTimeToLive = TimeSpan.FromHours(1);
    public static readonly TimeSpan DigestTimeToLive = TimeSpan.FromHours(6);
    public static readonly TimeSpan DailyTimeToLive = TimeSpan.FromHours(12);
    public static readonly TimeSpan MorningTimeToLive = TimeSpan.FromHours(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The summary of the hour <paramref name="span"/> ends at; null when the audience's unit was not published.</summary>
    /// <param name="recipient">The username the notice is for; null for the webhooks' copy.</param>
    public Notice? Hourly(FiguresSpan span, SummaryAudience audience, string? recipient)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (Standing(span, audience) is not { } now)
        {
            return null;
        }

        var at = NoticeFormat.Time(span.To);
        var title = new NoticeText(
            $"Bản tin hằng giờ {at} {NoticeFormat.Date(span.To, true)} · {Who(now, audience, true)}",
            $"Hourly summary {at}, {NoticeFormat.Date(span.To, false)} · {Who(now, audience, false)}");
        var body = Join(
            TotalSentence(now, Then(span, audience), new NoticeText("trong giờ", "in the hour")),
            BandSentence(span.BandChanges(audience), audience),
            OverdueSentence(span.NewOverdueOf(audience), new NoticeText("trong giờ", "in the hour")));
        return new Notice(
            $"hourly/{PublicationHour.Key(span.To)}/{recipient ?? audience.UnitCode ?? "city"}",
            NoticeKind.Hourly, title, body, UrlOf(audience), "hourly", NoticeUrgency.Low, HourlyTimeToLive, span.To,
            audience.UnitCode, Data("hourly", span, audience));
    }

    /// <summary>The daily summary at the morning hour, against the same hour the day before.</summary>
    public Notice? Daily(FiguresSpan span, SummaryAudience audience, string? recipient)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (Standing(span, audience) is not { } now)
        {
            return null;
        }

        var at = NoticeFormat.Time(span.To);
        var title = new NoticeText(
            $"Bản tin ngày {NoticeFormat.Date(span.To, true)} · {Who(now, audience, true)}",
            $"Daily summary, {NoticeFormat.Date(span.To, false)} · {Who(now, audience, false)}");
        var since = new NoticeText($"so với {at} hôm qua", $"since {at} yesterday");
        var body = Join(
            TotalSentence(now, Then(span, audience), since),
            BandSentence(span.BandChanges(audience), audience),
            OverdueSentence(span.NewOverdueOf(audience), new NoticeText("trong 24 giờ qua", "in the last 24 hours")));
        return new Notice(
            $"daily/{VietnamDay(span.To)}/{recipient ?? audience.UnitCode ?? "city"}",
            NoticeKind.Daily, title, body, UrlOf(audience), "daily", NoticeUrgency.Normal, DailyTimeToLive, span.To,
            audience.UnitCode, Data("daily", span, audience));
    }

    /// <summary>
    /// The catch-up digest after <paramref name="quiet"/>: what changed over it (when
    /// <paramref name="figures"/> are given: hourly subscriptions) and the notices held meanwhile.
    /// </summary>
    public Notice Digest(
        QuietSpan quiet, FiguresSpan? figures, SummaryAudience audience, IReadOnlyList<HeldNotice> held, string recipient, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(quiet);
        ArgumentNullException.ThrowIfNull(held);
        var now = figures is null ? null : Standing(figures, audience);
        var span = $"{NoticeFormat.Time(quiet.Start)}–{NoticeFormat.Time(quiet.End)}";
        var title = new NoticeText(
            $"Trong giờ yên tĩnh {span}" + (now is null ? string.Empty : $" · {Who(now, audience, true)}"),
            $"While you were quiet, {span}" + (now is null ? string.Empty : $" · {Who(now, audience, false)}"));
        var sentences = new List<NoticeText>();
        if (figures is not null && now is not null)
        {
            sentences.Add(SpanTotalSentence(now, Then(figures, audience)));
            sentences.Add(BandSentence(figures.BandChanges(audience), audience));
            sentences.Add(OverdueSentence(figures.NewOverdueOf(audience), new NoticeText("trong thời gian này", "meanwhile")));
        }

        sentences.Add(HeldSentence(held));
        return new Notice(
            $"digest/{quiet.End.ToUnixTimeSeconds()}/{recipient}",
            NoticeKind.Digest, new NoticeText(title.Vi, title.En), Join([.. sentences]), UrlOf(audience), "digest", NoticeUrgency.Normal,
            DigestTimeToLive, at, audience.UnitCode, figures is null ? null : Data("digest", figures, audience));
    }

    /// <summary>
    /// A department head's morning list: the open dossiers of their unit falling due today and on
    /// the next working day, most urgent first (<paramref name="dossiers"/> come in that order).
    /// </summary>
    public Notice MorningList(string unitCode, string unitName, IReadOnlyList<DossierToChase> dossiers, DateTimeOffset at, string? recipient)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        var title = new NoticeText(
            $"Hồ sơ sắp đến hạn hôm nay và ngày mai · {unitName}",
            $"Dossiers falling due today and tomorrow · {unitName}");
        var shown = dossiers.Take(listed).ToList();
        var more = dossiers.Count - shown.Count;
        var vi = $"{NoticeFormat.Count(dossiers.Count, true)} hồ sơ sẽ quá hạn nếu chưa giải quyết: "
            + string.Join("; ", shown.Select(d => $"{d.DossierId} hạn {NoticeFormat.Time(d.DueAt)} {NoticeFormat.DayMonth(d.DueAt, true)}"))
            + (more > 0 ? $"; và {NoticeFormat.Count(more, true)} hồ sơ khác." : ".");
        var en = $"{NoticeFormat.Count(dossiers.Count, false)} {(dossiers.Count == 1 ? "dossier turns" : "dossiers turn")} overdue unless settled: "
            + string.Join("; ", shown.Select(d => $"{d.DossierId} due {NoticeFormat.Time(d.DueAt)} {NoticeFormat.DayMonth(d.DueAt, false)}"))
            + (more > 0 ? $"; and {NoticeFormat.Count(more, false)} more." : ".");
        var data = JsonSerializer.Serialize(
            new
            {
                kind = "morningList",
                unitCode,
                date = VietnamDay(at),
                count = dossiers.Count,
                dossiers = dossiers.Select(d => new { id = d.DossierId, procedure = d.ProcedureCode, dueAt = d.DueAt }),
            },
            Json);
        return new Notice(
            $"morning/{VietnamDay(at)}/{recipient ?? unitCode}",
            NoticeKind.MorningList, title, new NoticeText(vi, en), $"/#/units/{Uri.EscapeDataString(unitCode)}/late?show=due-soon", "morning",
            NoticeUrgency.Normal, MorningTimeToLive, at, unitCode, data);
    }

    private static UnitStanding? Standing(FiguresSpan span, SummaryAudience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var code = audience.UnitCode ?? CityCode(span);
        return code is null ? null : span.Now.GetValueOrDefault(code);
    }

    private static UnitStanding? Then(FiguresSpan span, SummaryAudience audience)
    {
        var code = audience.UnitCode ?? CityCode(span);
        return code is null ? null : span.Then.GetValueOrDefault(code);
    }

    private static string? CityCode(FiguresSpan span) =>
        span.Now.Values.FirstOrDefault(u => u.Kind == Indicators.Units.UnitKind.City)?.UnitCode;

    private static string Who(UnitStanding now, SummaryAudience audience, bool vi) =>
        audience.IsCity ? (vi ? NoticeFormat.CityVi : NoticeFormat.CityEn) : now.Name;

    private static string UrlOf(SummaryAudience audience) =>
        audience.IsCity ? "/#/" : $"/#/units/{Uri.EscapeDataString(audience.UnitCode!)}";

    private static NoticeText TotalSentence(UnitStanding now, UnitStanding? then, NoticeText when)
    {
        if (now.Total is not { } total)
        {
            return new NoticeText("Chưa có điểm: chưa có hồ sơ trong kỳ.", "No score yet: no dossiers in the period.");
        }

        var change = then?.Total is { } before ? total - before : (decimal?)null;
        var band = now.Band is null ? null : new NoticeText($", xếp loại {NoticeFormat.Band(now.Band, true)}", $", band {NoticeFormat.Band(now.Band, false)}");
        return new NoticeText(
            $"Tổng điểm {NoticeFormat.Points(total, true)}"
                + (change is { } c ? $" ({NoticeFormat.Change(c, true)} {when.Vi})" : string.Empty) + band?.Vi + ".",
            $"Total {NoticeFormat.Points(total, false)} points"
                + (change is { } d ? $" ({NoticeFormat.Change(d, false)} {when.En})" : string.Empty) + band?.En + ".");
    }

    private static NoticeText SpanTotalSentence(UnitStanding now, UnitStanding? then)
    {
        if (now.Total is not { } total)
        {
            return new NoticeText("Chưa có điểm: chưa có hồ sơ trong kỳ.", "No score yet: no dossiers in the period.");
        }

        if (then?.Total is not { } before)
        {
            return new NoticeText($"Tổng điểm {NoticeFormat.Points(total, true)}.", $"Total {NoticeFormat.Points(total, false)} points.");
        }

        return new NoticeText(
            $"Tổng điểm {NoticeFormat.Points(before, true)} → {NoticeFormat.Points(total, true)} ({NoticeFormat.Change(total - before, true)}).",
            $"Total {NoticeFormat.Points(before, false)} → {NoticeFormat.Points(total, false)} points ({NoticeFormat.Change(total - before, false)}).");
    }

    private NoticeText BandSentence(IReadOnlyList<BandChange> changes, SummaryAudience audience)
    {
        if (!audience.IsCity)
        {
            // The unit's own band only: its name is already in the title.
            return changes.Count == 0
                ? new NoticeText("Xếp loại không đổi.", "Band unchanged.")
                : new NoticeText(
                    $"Đổi xếp loại: {changes[0].From} → {changes[0].To}.",
                    $"Band changed: {NoticeFormat.Band(changes[0].From, false)} → {NoticeFormat.Band(changes[0].To, false)}.");
        }

        if (changes.Count == 0)
        {
            return new NoticeText("Không phường, xã nào đổi xếp loại.", "No commune changed band.");
        }

        var shown = changes.Take(listed).ToList();
        var more = changes.Count - shown.Count;
        return new NoticeText(
            $"{NoticeFormat.Count(changes.Count, true)} phường, xã đổi xếp loại: "
                + string.Join("; ", shown.Select(c => $"{c.Name} {c.From} → {c.To}"))
                + (more > 0 ? $"; và {NoticeFormat.Count(more, true)} đơn vị khác." : "."),
            $"{NoticeFormat.Count(changes.Count, false)} {(changes.Count == 1 ? "commune" : "communes")} changed band: "
                + string.Join("; ", shown.Select(c => $"{c.Name} {NoticeFormat.Band(c.From, false)} → {NoticeFormat.Band(c.To, false)}"))
                + (more > 0 ? $"; and {NoticeFormat.Count(more, false)} more." : "."));
    }

    private static NoticeText OverdueSentence(int count, NoticeText when) => count == 0
        ? new NoticeText($"Không có hồ sơ mới quá hạn {when.Vi}.", $"No dossier turned overdue {when.En}.")
        : new NoticeText(
            $"{NoticeFormat.Count(count, true)} hồ sơ mới quá hạn {when.Vi}.",
            $"{NoticeFormat.Count(count, false)} {(count == 1 ? "dossier" : "dossiers")} turned overdue {when.En}.");

    private NoticeText HeldSentence(IReadOnlyList<HeldNotice> held)
    {
        if (held.Count == 0)
        {
            return new NoticeText("Không có cảnh báo nào.", "No alerts.");
        }

        var shown = held.Take(listed).ToList();
        var more = held.Count - shown.Count;
        return new NoticeText(
            $"{NoticeFormat.Count(held.Count, true)} thông báo chờ: " + string.Join("; ", shown.Select(h => h.Title.Vi))
                + (more > 0 ? $"; và {NoticeFormat.Count(more, true)} thông báo khác." : "."),
            $"{NoticeFormat.Count(held.Count, false)} held {(held.Count == 1 ? "notice" : "notices")}: " + string.Join("; ", shown.Select(h => h.Title.En))
                + (more > 0 ? $"; and {NoticeFormat.Count(more, false)} more." : "."));
    }

    private static NoticeText Join(params NoticeText[] sentences) =>
        new(string.Join(" ", sentences.Select(s => s.Vi)), string.Join(" ", sentences.Select(s => s.En)));

    private static string VietnamDay(DateTimeOffset instant) =>
        Indicators.Periods.VietnamTime.LocalDate(instant).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The figures as JSON for the webhooks, cut to the audience like the text.</summary>
    private static string Data(string kind, FiguresSpan span, SummaryAudience audience)
    {
        var now = Standing(span, audience);
        var then = Then(span, audience);
        return JsonSerializer.Serialize(
            new
            {
                kind,
                from = span.From,
                to = span.To,
                unitCode = audience.UnitCode,
                total = now?.Total,
                previousTotal = then?.Total,
                band = now?.Band,
                bandChanges = span.BandChanges(audience).Select(c => new { unitCode = c.UnitCode, name = c.Name, from = c.From, to = c.To }),
                newOverdue = span.NewOverdueOf(audience),
            },
            Json);
    }
}
