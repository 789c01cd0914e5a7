using System.Text.Json;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Push;

namespace GovPulse.Notifications.Tests.Push;

public sealed class PushPayloadTests
{
    private static readonly Notice Hourly = new(
        "hourly/2026-12-06T09/lanhdao",
        NoticeKind.Hourly,
        new NoticeText("Số liệu 9 giờ", "Figures at 9:00"),
        new NoticeText("Toàn thành phố: 92,4 % đúng hạn", "City: 92.4 % on time"),
        "/#/",
        "hourly",
        NoticeUrgency.Low,
        TimeSpan.FromHours(1),
        new DateTimeOffset(2026, 12, 6, 9, 0, 12, TimeSpan.FromHours(7)));

    [Fact]
    public void The_payload_has_exactly_the_contract_fields_in_the_subscriptions_language()
    {
        var vi = JsonDocument.Parse(PushPayload.Of(Hourly, "vi").ToJson()).RootElement;
        var en = JsonDocument.Parse(PushPayload.Of(Hourly, "en").ToJson()).RootElement;

        vi.EnumerateObject().Select(p => p.Name).Should().Equal("id", "kind", "title", "body", "url", "tag", "lang", "createdAt", "unit");
        vi.GetProperty("title").GetString().Should().Be("Số liệu 9 giờ");
        vi.GetProperty("body").GetString().Should().Be("Toàn thành phố: 92,4 % đúng hạn");
        vi.GetProperty("lang").GetString().Should().Be("vi");
        vi.GetProperty("kind").GetString().Should().Be("hourly");
        vi.GetProperty("tag").GetString().Should().Be("hourly");
        vi.GetProperty("createdAt").GetString().Should().Be("2026-12-06T09:00:12+07:00");
        vi.GetProperty("unit").ValueKind.Should().Be(JsonValueKind.Null);
        en.GetProperty("title").GetString().Should().Be("Figures at 9:00");
        en.GetProperty("lang").GetString().Should().Be("en");
    }

    [Fact]
    public void Vietnamese_letters_travel_as_themselves_and_an_unknown_language_reads_Vietnamese()
    {
        var json = PushPayload.Of(Hourly, "fr").ToJson();

        json.Should().Contain("Số liệu 9 giờ").And.Contain("\"lang\":\"vi\"");
    }

    [Theory]
    [InlineData(NoticeKind.Test, "test")]
    [InlineData(NoticeKind.Digest, "digest")]
    [InlineData(NoticeKind.Daily, "daily")]
    [InlineData(NoticeKind.AlertStarted, "alertStarted")]
    [InlineData(NoticeKind.AlertCleared, "alertCleared")]
    [InlineData(NoticeKind.MorningList, "morningList")]
    public void Every_kind_has_its_wire_name(NoticeKind kind, string name) => PushPayload.KindName(kind).Should().Be(name);
}
