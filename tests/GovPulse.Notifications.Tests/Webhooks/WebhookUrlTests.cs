using GovPulse.Notifications.Webhooks;

namespace GovPulse.Notifications.Tests.Webhooks;

public sealed class WebhookUrlTests
{
    [Theory]
    [InlineData("https://bridge.example.gov.vn/govpulse", false)]
    [InlineData("http://127.0.0.1:5099/hook", true)]
    [InlineData("http://localhost/hook", true)]
    [InlineData("http://[::1]:8080/", true)]
    public void Https_and_with_the_loopback_setting_http_to_this_machine_are_accepted(string url, bool allowLoopback) =>
        WebhookUrl.ProblemWith(url, allowLoopback, out _).Should().BeNull();

    [Theory]
    [InlineData("http://127.0.0.1:5099/hook", false, "must be https://")]
    [InlineData("http://10.0.0.5/hook", true, "only for 127.0.0.1")]
    [InlineData("http://127.0.0.1.example.com/hook", true, "only for 127.0.0.1")]
    [InlineData("ftp://example.org/", false, "not an absolute https://")]
    [InlineData("/relative", false, "not an absolute https://")]
    [InlineData("https://user:pw@example.org/", false, "user name")]
    [InlineData("", false, "url is missing")]
    public void Anything_else_is_refused_with_the_reason(string url, bool allowLoopback, string reason) =>
        WebhookUrl.ProblemWith(url, allowLoopback, out _).Should().Contain(reason);

    [Fact]
    public void A_listed_url_shows_its_origin_only() =>
        WebhookUrl.Shortened(new Uri("https://api.telegram.org/bot123:SECRET/sendMessage?chat_id=1")).Should().Be("https://api.telegram.org/…");
}
