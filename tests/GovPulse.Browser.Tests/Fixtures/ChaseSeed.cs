using System.Globalization;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>
/// The dossiers <see cref="ChaseNode"/> is seeded with, relative to <paramref name="now"/> (Vietnam
/// time; today a day off, the three days before it working days), and what the screens must say of them.
/// </summary>
public sealed class ChaseSeed(DateTimeOffset now)
{
    public const string DaysLate = "HS-CHASE-DAYS-LATE";
    public const string SinceDay = "HS-CHASE-SINCE-DAY";
    public const string SinceToday = "HS-CHASE-SINCE-TODAY";
    public const string Supplements = "HS-CHASE-SUPPLEMENTS";
    public const string DueToday = "HS-CHASE-DUE-TODAY";
    public const string DueLater = "HS-CHASE-DUE-LATER";

    /// <summary>Open overdue dossiers per unit, worst first: the city-wide view's order.</summary>
    public static readonly (string Unit, int Overdue)[] OverdueByUnit =
        [(ChaseNode.Unit, 4), ("26743", 3), (ChaseNode.Department, 2), (ChaseNode.BusyUnit, 1)];

    private readonly DateTimeOffset _todayStart = new(now.Year, now.Month, now.Day, 0, 0, 0, now.Offset);

    private DateTimeOffset Day(int offset, int hour) => _todayStart.AddDays(offset).AddHours(hour);

    /// <summary>Due three days ago (two working days have passed since): "Quá hạn 2 ngày làm việc".</summary>
    public DateTimeOffset DaysLateDue => Day(-3, 10);

    /// <summary>Due yesterday; only today, a day off, has passed since.</summary>
    public DateTimeOffset SinceDayDue => Day(-1, 10);

    /// <summary>Due a moment ago, today.</summary>
    public DateTimeOffset SinceTodayDue => now - TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, (now - _todayStart).Ticks / 2));

    /// <summary>Due in ten days; two supplement requests (both answered) make it overdue already.</summary>
    public DateTimeOffset SupplementsDue => Day(10, 10);

    /// <summary>Due later today: on time, due soon.</summary>
    public DateTimeOffset DueTodayDue => now + TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, (_todayStart.AddDays(1) - now).Ticks / 2));

    public DateTimeOffset DueLaterDue => Day(10, 17);

    public static string DayMonth(DateTimeOffset t) => t.ToString("dd/MM", CultureInfo.InvariantCulture);

    public static string HourMinute(DateTimeOffset t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Each dossier of <see cref="ChaseNode.Unit"/>: its channel as the page says it, and its phrase in Vietnamese and English (null: matched by pattern).</summary>
    public IReadOnlyList<(string Dossier, string Channel, string? Vietnamese, string? English)> Phrases =>
    [
        (DaysLate, "Trực tuyến", $"Quá hạn 2 ngày làm việc (từ {DayMonth(DaysLateDue)})", $"Overdue 2 working days (since {DayMonth(DaysLateDue)})"),
        (SinceDay, "Trực tiếp", $"Quá hạn từ {DayMonth(SinceDayDue)} (chưa qua ngày làm việc nào)", $"Overdue since {DayMonth(SinceDayDue)} (no working day since)"),
        (SinceToday, "Bưu chính công ích", $"Quá hạn từ {HourMinute(SinceTodayDue)} hôm nay", $"Overdue since {HourMinute(SinceTodayDue)} today"),
        (Supplements, "Trực tuyến", $"Tính là quá hạn: đã yêu cầu bổ sung 2 lần · hẹn trả {DayMonth(SupplementsDue)}", $"Counts as overdue: supplement requested 2 times · due {DayMonth(SupplementsDue)}"),
        (DueToday, "Trực tiếp", $"Đến hạn lúc {HourMinute(DueTodayDue)} hôm nay", $"Due today at {HourMinute(DueTodayDue)}"),
        (DueLater, "Trực tuyến", null, null),
    ];

    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>
        {
            Received(ChaseNode.Unit, DaysLate, Day(-5, 9), DaysLateDue, "online"),
            Received(ChaseNode.Unit, SinceDay, Day(-2, 9), SinceDayDue, "direct"),
            Received(ChaseNode.Unit, SinceToday, Day(-1, 9), SinceTodayDue, "postal"),
            Received(ChaseNode.Unit, Supplements, now.AddHours(-3), SupplementsDue, "online"),
            Plain("SupplementRequested", ChaseNode.Unit, Supplements, "s1", now.AddMinutes(-170)),
            Plain("SupplementReceived", ChaseNode.Unit, Supplements, "b1", now.AddMinutes(-160)),
            Plain("SupplementRequested", ChaseNode.Unit, Supplements, "s2", now.AddMinutes(-150)),
            Plain("SupplementReceived", ChaseNode.Unit, Supplements, "b2", now.AddMinutes(-140)),
            Received(ChaseNode.Unit, DueToday, now.AddHours(-1), DueTodayDue, "direct"),
            Received(ChaseNode.Unit, DueLater, now.AddHours(-1), DueLaterDue, "online"),
        };

        // The other units: overdue dossiers (due three days or one day ago), and the busy unit's pages of open ones.
        foreach (var (unit, overdue) in OverdueByUnit.Where(u => u.Unit != ChaseNode.Unit))
        {
            for (var i = 1; i <= overdue; i++)
            {
                lines.Add(Received(unit, $"HS-CHASE-{unit}-LATE-{i}", Day(-5, 9), i % 2 == 1 ? DaysLateDue : SinceDayDue, "online"));
            }
        }

        for (var i = 1; i <= ChaseNode.BusyInProgress; i++)
        {
            lines.Add(Received(ChaseNode.BusyUnit, $"HS-CHASE-BUSY-{i:D3}", now.AddHours(-2), Day(20, 17), "online"));
        }

        return lines;
    }

    private static string Received(string unit, string dossier, DateTimeOffset at, DateTimeOffset due, string channel) =>
        $$"""{"eventId":"{{dossier}}-r","type":"DossierReceived","occurredAt":"{{Ndjson.Time(at)}}","dossierId":"{{dossier}}","unitCode":"{{unit}}","procedureCode":"2.000815","channel":"{{channel}}","dueAt":"{{Ndjson.Time(due)}}","fee":0,"paperResult":false,"citizenData":true}""";

    private static string Plain(string type, string unit, string dossier, string suffix, DateTimeOffset at) =>
        $$"""{"eventId":"{{dossier}}-{{suffix}}","type":"{{type}}","occurredAt":"{{Ndjson.Time(at)}}","dossierId":"{{dossier}}","unitCode":"{{unit}}"}""";
}
