using System.Text.Json;
using GovPulse.Notifications.Alerts;
using GovPulse.Notifications.Notices;
using static GovPulse.Notifications.Tests.Alerts.Scorecards;

namespace GovPulse.Notifications.Tests.Alerts;

public sealed class AlertNoticesTests
{
    private const string Name = "Phường Tân Định";

    [Fact]
    public void A_band_drop_says_both_bands_in_each_language_with_a_decimal_comma_in_Vietnamese()
    {
        var started = new AlertTransition(Rule(AlertKind.BandDrop), Unit, true, Start, "2026-11", "Tốt", "Khá", 78.45m);

        var notice = AlertNotices.For(started, Name, 1);

        notice.Kind.Should().Be(NoticeKind.AlertStarted);
        notice.Urgency.Should().Be(NoticeUrgency.High);
        notice.Title.Vi.Should().Be("Cảnh báo: Phường Tân Định giảm xếp loại");
        notice.Body.Vi.Should().Be("Xếp loại giảm từ Tốt xuống Khá (Tổng điểm 78,45), Tháng 11/2026.");
        notice.Body.En.Should().Be("Band fell from Good to Fair (total points 78.45), November 2026.");
        notice.Url.Should().Be("/#/units/26737");
        notice.UnitCode.Should().Be(Unit);
        notice.Id.Should().Be("alert/al_0123456789abcdef/26737/1");
    }

    [Fact]
    public void Cleared_replaces_started_on_the_phone_one_topic_per_rule_and_unit_and_is_normal_urgency()
    {
        var rule = Rule(AlertKind.OnTimeBelow, 80m);
        var started = AlertNotices.For(new AlertTransition(rule, Unit, true, Start, "2026-11", Value: 76.5m), Name, 1);
        var cleared = AlertNotices.For(new AlertTransition(rule, Unit, false, Start.AddHours(1), "2026-11", Value: 81m), Name, 2);
        var elsewhere = AlertNotices.For(new AlertTransition(rule, "27139", true, Start, "2026-11", Value: 70m), Name, 1);

        cleared.Topic.Should().Be(started.Topic);
        elsewhere.Topic.Should().NotBe(started.Topic);
        started.Topic.Should().MatchRegex("^[A-Za-z0-9_-]{32}$");
        cleared.Kind.Should().Be(NoticeKind.AlertCleared);
        cleared.Urgency.Should().Be(NoticeUrgency.Normal);
        started.Id.Should().NotBe(cleared.Id);
        started.Body.Vi.Should().Be("Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn: 76,50% (ngưỡng 80%), Tháng 11/2026.");
        started.Body.En.Should().Be("Dossiers processed early or on time: 76.50% (threshold 80%), November 2026.");
    }

    [Fact]
    public void Dossiers_turning_overdue_together_make_one_notice_naming_the_first_few_and_the_count()
    {
        var rule = Rule(AlertKind.DossierOverdue);
        var transition = new AlertTransition(rule, Unit, true, Start, "2026-11", Dossiers: ["HS-1", "HS-2", "HS-3", "HS-4", "HS-5"], StillOverdue: 1234);

        var notice = AlertNotices.For(transition, Name, 3);

        notice.Title.Vi.Should().Be("Cảnh báo: 5 hồ sơ mới quá hạn tại Phường Tân Định");
        notice.Body.Vi.Should().Be("HS-1, HS-2, HS-3 và 2 hồ sơ khác. Đang quá hạn: 1.234 hồ sơ.");
        notice.Body.En.Should().Be("HS-1, HS-2, HS-3 and 2 more. Overdue now: 1,234 dossiers.");
        notice.Url.Should().Be("/#/units/26737/late");
        using var data = JsonDocument.Parse(notice.DataJson!);
        data.RootElement.GetProperty("dossiers").GetArrayLength().Should().Be(5);
        data.RootElement.GetProperty("state").GetString().Should().Be("started");
        data.RootElement.GetProperty("kind").GetString().Should().Be("dossierOverdue");
    }

    [Fact]
    public void One_dossier_is_named_in_the_title()
    {
        var cleared = new AlertTransition(Rule(AlertKind.DossierOverdue), Unit, false, Start, "2026-11", Dossiers: ["HS-9"], StillOverdue: 0);

        AlertNotices.For(cleared, Name, 2).Title.En.Should().Be("Alert cleared: dossier HS-9 is no longer overdue at Phường Tân Định");
    }

    [Fact]
    public void A_state_with_unsent_notices_survives_its_JSON()
    {
        var notice = AlertNotices.For(new AlertTransition(Rule(AlertKind.OverdueAbove, 3m), Unit, true, Start, "2026-11", Value: 4m), Name, 1);
        var state = AlertState.Empty with
        {
            Firing = true,
            Since = Start,
            LastBand = "Khá",
            Transitions = 1,
            Dossiers = AlertState.Empty.Dossiers.Add("HS-1", Start),
            Unsent = [new UnsentNotice(notice, false, true)],
        };
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        var back = JsonSerializer.Deserialize<AlertState>(JsonSerializer.Serialize(state, json), json)!;

        back.SameStoredAs(state).Should().BeTrue();
        back.Unsent.Single().Notice.Should().Be(notice);
    }
}
