using System.Text.Json;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Units;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Summaries;

namespace GovPulse.Notifications.Tests.Summaries;

/// <summary>The texts of the summaries, Vietnamese first, as a person's phone shows them.</summary>
public sealed class SummaryComposerTests
{
    private static readonly DateTimeOffset Hour = new(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(7));
    private static readonly SummaryComposer Composer = new(listed: 2);
    private static readonly string[] HeldTitles = ["Phường Tân Định tụt xếp loại", "Phường Sài Gòn dưới 80%", "Phường Bến Thành có hồ sơ quá hạn"];

    private static UnitStanding City(decimal total, string band) => new("79", "Thành phố Hồ Chí Minh", UnitKind.City, total, band);

    private static UnitStanding Commune(string code, string name, decimal total, string band) => new(code, name, UnitKind.Commune, total, band);

    private static Dictionary<string, UnitStanding> Of(params UnitStanding[] standings) => standings.ToDictionary(s => s.UnitCode);

    private static FiguresSpan Span(Dictionary<string, int>? overdue = null) => new(
        Hour.AddHours(-1),
        Hour,
        Of(City(78.10m, "Khá"), Commune("26737", "Phường Tân Định", 81.00m, "Tốt"), Commune("26734", "Phường Sài Gòn", 69.50m, "Trung bình"),
            Commune("26740", "Phường Bến Thành", 90.00m, "Xuất sắc"), Commune("26743", "Phường Cầu Ông Lãnh", 70m, "Khá")),
        Of(City(78.45m, "Khá"), Commune("26737", "Phường Tân Định", 79.20m, "Khá"), Commune("26734", "Phường Sài Gòn", 70.10m, "Khá"),
            Commune("26740", "Phường Bến Thành", 84.00m, "Tốt"), Commune("26743", "Phường Cầu Ông Lãnh", 70.2m, "Khá")),
        overdue ?? new Dictionary<string, int> { ["26737"] = 2, ["26734"] = 1, ["1234"] = 1234 });

    [Fact]
    public void A_leaders_hourly_summary_names_the_city_the_communes_that_changed_band_and_the_new_overdue_dossiers()
    {
        var notice = Composer.Hourly(Span(), SummaryAudience.City, "lanhdao")!;

        notice.Title.Vi.Should().Be("Bản tin hằng giờ 10:00 07/12/2026 · TP.HCM");
        notice.Body.Vi.Should().Be(
            "Tổng điểm 78,45 (+0,35 trong giờ), xếp loại Khá. 3 phường, xã đổi xếp loại: Phường Bến Thành Xuất sắc → Tốt; "
            + "Phường Sài Gòn Trung bình → Khá; và 1 đơn vị khác. 1.237 hồ sơ mới quá hạn trong giờ.");
        notice.Title.En.Should().Be("Hourly summary 10:00, 7 Dec 2026 · HCMC");
        notice.Body.En.Should().Be(
            "Total 78.45 points (+0.35 in the hour), band Fair. 3 communes changed band: Phường Bến Thành Excellent → Good; "
            + "Phường Sài Gòn Average → Fair; and 1 more. 1,237 dossiers turned overdue in the hour.");
        notice.Kind.Should().Be(NoticeKind.Hourly);
        notice.Id.Should().Be("hourly/2026-12-07T10/lanhdao");
        notice.Topic.Should().Be("hourly");
        notice.Url.Should().Be("/#/");
        notice.Urgency.Should().Be(NoticeUrgency.Low);
        notice.TimeToLive.Should().Be(TimeSpan.FromHours(1));
        notice.UnitCode.Should().BeNull();
        using var data = JsonDocument.Parse(notice.DataJson!);
        data.RootElement.GetProperty("total").GetDecimal().Should().Be(78.45m);
        data.RootElement.GetProperty("newOverdue").GetInt32().Should().Be(1237);
        data.RootElement.GetProperty("bandChanges").GetArrayLength().Should().Be(3);
    }

    [Fact]
    public void A_department_heads_hourly_summary_speaks_of_their_unit_alone()
    {
        var notice = Composer.Hourly(Span(), new SummaryAudience("26737"), "truongphong")!;

        notice.Title.Vi.Should().Be("Bản tin hằng giờ 10:00 07/12/2026 · Phường Tân Định");
        notice.Body.Vi.Should().Be("Tổng điểm 79,20 (−1,80 trong giờ), xếp loại Khá. Đổi xếp loại: Tốt → Khá. 2 hồ sơ mới quá hạn trong giờ.");
        notice.Body.En.Should().Be("Total 79.20 points (−1.80 in the hour), band Fair. Band changed: Good → Fair. 2 dossiers turned overdue in the hour.");
        notice.Url.Should().Be("/#/units/26737");
        notice.UnitCode.Should().Be("26737");
    }

    [Fact]
    public void Without_a_previous_hour_no_change_is_claimed()
    {
        var span = Span() with { Then = new Dictionary<string, UnitStanding>(), NewOverdue = new Dictionary<string, int>() };

        var notice = Composer.Hourly(span, SummaryAudience.City, "lanhdao")!;

        notice.Body.Vi.Should().Be("Tổng điểm 78,45, xếp loại Khá. Không phường, xã nào đổi xếp loại. Không có hồ sơ mới quá hạn trong giờ.");
        notice.Body.En.Should().Be("Total 78.45 points, band Fair. No commune changed band. No dossier turned overdue in the hour.");
    }

    [Fact]
    public void A_unit_missing_from_the_hour_gets_no_summary() =>
        Composer.Hourly(Span(), new SummaryAudience("99999"), "x").Should().BeNull();

    [Fact]
    public void The_daily_summary_compares_with_the_same_hour_yesterday()
    {
        var span = Span() with { From = Hour.AddDays(-1), To = Hour.AddHours(-3) };

        var notice = Composer.Daily(span, SummaryAudience.City, "lanhdao")!;

        notice.Title.Vi.Should().Be("Bản tin ngày 07/12/2026 · TP.HCM");
        notice.Body.Vi.Should().StartWith("Tổng điểm 78,45 (+0,35 so với 07:00 hôm qua), xếp loại Khá.");
        notice.Body.Vi.Should().EndWith("1.237 hồ sơ mới quá hạn trong 24 giờ qua.");
        notice.Body.En.Should().StartWith("Total 78.45 points (+0.35 since 07:00 yesterday), band Fair.");
        notice.Kind.Should().Be(NoticeKind.Daily);
        notice.Topic.Should().Be("daily");
        notice.Id.Should().Be("daily/2026-12-07/lanhdao");
    }

    [Fact]
    public void The_digest_says_what_changed_over_the_quiet_span_and_lists_the_first_held_notices()
    {
        var quiet = new QuietSpan(new(2026, 12, 6, 22, 0, 0, TimeSpan.FromHours(7)), new(2026, 12, 7, 6, 30, 0, TimeSpan.FromHours(7)));
        var span = Span() with { From = quiet.Start };
        var held = HeldTitles
            .Select((t, i) => new HeldNotice("s1", $"n{i}", "lanhdao", NoticeKind.AlertStarted, new NoticeText(t, "EN " + t), Hour))
            .ToList();

        var notice = Composer.Digest(quiet, span, SummaryAudience.City, held, "lanhdao", Hour);

        notice.Title.Vi.Should().Be("Trong giờ yên tĩnh 22:00–06:30 · TP.HCM");
        notice.Title.En.Should().Be("While you were quiet, 22:00–06:30 · HCMC");
        notice.Body.Vi.Should().Be(
            "Tổng điểm 78,10 → 78,45 (+0,35). 3 phường, xã đổi xếp loại: Phường Bến Thành Xuất sắc → Tốt; Phường Sài Gòn Trung bình → Khá; và 1 đơn vị khác. "
            + "1.237 hồ sơ mới quá hạn trong thời gian này. 3 thông báo chờ: Phường Tân Định tụt xếp loại; Phường Sài Gòn dưới 80%; và 1 thông báo khác.");
        notice.Body.En.Should().EndWith("3 held notices: EN Phường Tân Định tụt xếp loại; EN Phường Sài Gòn dưới 80%; and 1 more.");
        notice.Kind.Should().Be(NoticeKind.Digest);
        notice.Topic.Should().Be("digest");
    }

    [Fact]
    public void An_alerts_only_digest_lists_the_held_notices_alone()
    {
        var quiet = new QuietSpan(Hour.AddHours(-12), Hour.AddHours(-3));
        var held = new[] { new HeldNotice("s1", "n1", "lanhdao", NoticeKind.AlertStarted, new NoticeText("Cảnh báo A", "Alert A"), Hour) };

        var notice = Composer.Digest(quiet, null, SummaryAudience.City, held, "lanhdao", Hour);

        notice.Title.Vi.Should().Be("Trong giờ yên tĩnh 22:00–07:00");
        notice.Body.Vi.Should().Be("1 thông báo chờ: Cảnh báo A.");
        notice.Body.En.Should().Be("1 held notice: Alert A.");
        notice.DataJson.Should().BeNull();
    }

    [Fact]
    public void The_morning_list_names_the_most_urgent_first_and_counts_them_all()
    {
        var dossiers = Enumerable.Range(1, 4)
            .Select(i => new DossierToChase($"HS-{i}", "2.000815", Channel.Online, Hour.AddDays(-5), new DateTimeOffset(2026, 12, 7 + (i / 3), 17, 0, 0, TimeSpan.FromHours(7)), null, null, null, 0, 0))
            .ToList();

        var notice = Composer.MorningList("26737", "Phường Tân Định", dossiers, new(2026, 12, 7, 7, 0, 0, TimeSpan.FromHours(7)), "truongphong");

        notice.Title.Vi.Should().Be("Hồ sơ sắp đến hạn hôm nay và ngày mai · Phường Tân Định");
        notice.Body.Vi.Should().Be("4 hồ sơ sẽ quá hạn nếu chưa giải quyết: HS-1 hạn 17:00 07/12; HS-2 hạn 17:00 07/12; và 2 hồ sơ khác.");
        notice.Body.En.Should().Be("4 dossiers turn overdue unless settled: HS-1 due 17:00 7 Dec; HS-2 due 17:00 7 Dec; and 2 more.");
        notice.Url.Should().Be("/#/units/26737/late?show=due-soon");
        notice.Kind.Should().Be(NoticeKind.MorningList);
        notice.Id.Should().Be("morning/2026-12-07/truongphong");
        notice.UnitCode.Should().Be("26737");
    }

    [Theory]
    [InlineData(1234567.891, "1.234.567,89", "1,234,567.89")]
    [InlineData(0.5, "0,50", "0.50")]
    public void Numbers_are_written_as_each_language_writes_them(decimal value, string vi, string en)
    {
        NoticeFormat.Points(value, true).Should().Be(vi);
        NoticeFormat.Points(value, false).Should().Be(en);
    }
}
