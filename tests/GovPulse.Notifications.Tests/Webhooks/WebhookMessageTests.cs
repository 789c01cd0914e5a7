using System.Text.Json;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Webhooks;

namespace GovPulse.Notifications.Tests.Webhooks;

public sealed class WebhookMessageTests
{
    private static readonly Notice Alert = new(
        "alert/r1/26737/2026-12-06T09:00",
        NoticeKind.AlertStarted,
        new NoticeText("Phường Tân Định xuống hạng", "Phường Tân Định dropped a band"),
        new NoticeText("Từ Tốt xuống Khá", "From Good to Fair"),
        "/#/units/26737",
        "alert-26737",
        NoticeUrgency.High,
        TimeSpan.FromHours(12),
        new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.FromHours(7)),
        "26737",
        "{\"from\":\"good\",\"to\":\"fair\"}");

    [Fact]
    public void The_message_carries_both_languages_the_kind_by_its_wire_name_and_the_data_as_json()
    {
        using var message = JsonDocument.Parse(WebhookMessage.Body(Alert, publicBaseUrl: null));
        var root = message.RootElement;

        root.EnumerateObject().Select(p => p.Name).Should().Equal("id", "kind", "createdAt", "unit", "title", "body", "url", "data");
        root.GetProperty("kind").GetString().Should().Be("alertStarted");
        root.GetProperty("createdAt").GetString().Should().Be("2026-12-06T09:00:00+07:00");
        root.GetProperty("unit").GetString().Should().Be("26737");
        root.GetProperty("title").GetProperty("vi").GetString().Should().Be("Phường Tân Định xuống hạng");
        root.GetProperty("body").GetProperty("en").GetString().Should().Be("From Good to Fair");
        root.GetProperty("url").GetString().Should().Be("/#/units/26737");
        root.GetProperty("data").GetProperty("to").GetString().Should().Be("fair");
    }

    [Fact]
    public void With_a_public_base_url_the_link_is_absolute()
    {
        using var message = JsonDocument.Parse(WebhookMessage.Body(Alert, new Uri("https://govpulse.example.gov.vn/")));

        message.RootElement.GetProperty("url").GetString().Should().Be("https://govpulse.example.gov.vn/#/units/26737");
    }

    [Fact]
    public void Vietnamese_is_written_as_text_not_escapes_and_missing_or_broken_data_is_null()
    {
        var body = WebhookMessage.Body(Alert with { DataJson = "{not json", UnitCode = null }, null);
        using var message = JsonDocument.Parse(body);

        body.Should().Contain("Phường Tân Định");
        message.RootElement.GetProperty("data").ValueKind.Should().Be(JsonValueKind.Null);
        message.RootElement.GetProperty("unit").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Theory]
    [InlineData(NoticeKind.Test, "test")]
    [InlineData(NoticeKind.MorningList, "morningList")]
    [InlineData(NoticeKind.AlertCleared, "alertCleared")]
    public void Kinds_have_camel_case_wire_names(NoticeKind kind, string name) => WebhookKinds.Name(kind).Should().Be(name);
}
