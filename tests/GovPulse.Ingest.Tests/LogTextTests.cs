using GovPulse.Storage.Logging;

namespace GovPulse.Ingest.Tests;

/// <summary>Untrusted text quoted in a log line cannot end the line, start a forged one or reorder what a reader sees.</summary>
public sealed class LogTextTests
{
    [Theory]
    [InlineData("e2e-42", "e2e-42")]
    [InlineData("hồ-sơ Đ/2026 😀", "hồ-sơ Đ/2026 😀")]
    [InlineData(@"C:\data", @"C:\data")]
    [InlineData("a\nb", @"a\u000Ab")]
    [InlineData("a\r\nfake: line", @"a\u000D\u000Afake: line")]
    [InlineData("\0\a\u001b[31m\u007f\u0085\u009b", @"\u0000\u0007\u001B[31m\u007F\u0085\u009B")]
    [InlineData("abc\u202Etxt.exe", @"abc\u202Etxt.exe")]
    [InlineData("\u2066x\u2069\u200E\u200F\u061C", @"\u2066x\u2069\u200E\u200F\u061C")]
    [InlineData("a\u200Bb\uFEFF", @"a\u200Bb\uFEFF")]
    [InlineData("a\u2028b\u2029", @"a\u2028b\u2029")]
    [InlineData("tag \U000E0041", @"tag \uDB40\uDC41")]
    public void Escapes_what_could_forge_or_hide_log_text_and_leaves_the_rest(string value, string logged)
    {
        LogText.Escape(value).Should().Be(logged);
    }

    [Fact]
    public void A_surrogate_without_its_other_half_is_escaped()
    {
        // Built at run time: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        var value = string.Concat("lone ", '\ud800'.ToString(), " and ", '\udc00'.ToString(), " pair \ud83d\ude00");

        LogText.Escape(value).Should().Be(@"lone \uD800 and \uDC00 pair 😀");
    }

    [Fact]
    public void A_plain_value_is_returned_as_it_is()
    {
        const string Plain = "26737";

        LogText.Escape(Plain).Should().BeSameAs(Plain);
    }

    [Fact]
    public void Null_is_shown_as_none()
    {
        LogText.Escape(null).Should().Be("(none)");
    }
}
