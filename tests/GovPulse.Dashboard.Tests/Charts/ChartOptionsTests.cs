using GovPulse.Dashboard.Charts;

namespace GovPulse.Dashboard.Tests.Charts;

public sealed class ChartOptionsTests
{
    [Fact]
    public void Nothing_given_means_a_light_vietnamese_chart_of_the_default_size()
    {
        ChartOptions.TryParse(null, null, null, null, out var options, out _).Should().BeTrue();

        options.Should().Be(new ChartOptions(640, 280, ChartTheme.Light, ChartLanguage.Vietnamese));
    }

    [Fact]
    public void Size_theme_and_language_are_read_from_the_query()
    {
        ChartOptions.TryParse("320", "180", "dark", "en", out var options, out _).Should().BeTrue();

        options.Should().Be(new ChartOptions(320, 180, ChartTheme.Dark, ChartLanguage.English));
    }

    [Theory]
    [InlineData("10", null, null, null, "width '10' is not a whole number of pixels in 240..1600")]
    [InlineData(null, "abc", null, null, "height 'abc' is not a whole number of pixels in 120..900")]
    [InlineData(null, null, "blue", null, "theme 'blue' is not one of light, dark")]
    [InlineData(null, null, null, "fr", "lang 'fr' is not one of vi, en")]
    public void Wrong_values_are_refused_with_what_is_expected(string? width, string? height, string? theme, string? lang, string expected)
    {
        ChartOptions.TryParse(width, height, theme, lang, out _, out var error).Should().BeFalse();

        error.Should().Be(expected);
    }
}
