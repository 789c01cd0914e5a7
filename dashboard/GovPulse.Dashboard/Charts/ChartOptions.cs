using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GovPulse.Dashboard.Charts;

/// <summary>
/// How to draw a chart: its size in CSS pixels (the page asks for the width it will show it at, so
/// the text stays readable on a phone), theme and language. Read from the query string
/// <c>width</c>, <c>height</c>, <c>theme=light|dark</c>, <c>lang=vi|en</c>.
/// </summary>
public sealed record ChartOptions(int Width, int Height, ChartTheme Theme, ChartLanguage Language)
{
    public const int MinWidth = 240;
    public const int MaxWidth = 1600;
    public const int MinHeight = 120;
    public const int MaxHeight = 900;

    public static ChartOptions Default { get; } = new(640, 280, ChartTheme.Light, ChartLanguage.Vietnamese);

    public CultureInfo Culture => Language == ChartLanguage.English ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("vi-VN");

    public static bool TryParse(string? width, string? height, string? theme, string? lang, [NotNullWhen(true)] out ChartOptions? options, out string error)
    {
        options = null;
        error = string.Empty;
        var w = Default.Width;
        var h = Default.Height;
        if (!string.IsNullOrEmpty(width) && (!int.TryParse(width, NumberStyles.None, CultureInfo.InvariantCulture, out w) || w is < MinWidth or > MaxWidth))
        {
            error = $"width '{width}' is not a whole number of pixels in {MinWidth}..{MaxWidth}";
            return false;
        }

        if (!string.IsNullOrEmpty(height) && (!int.TryParse(height, NumberStyles.None, CultureInfo.InvariantCulture, out h) || h is < MinHeight or > MaxHeight))
        {
            error = $"height '{height}' is not a whole number of pixels in {MinHeight}..{MaxHeight}";
            return false;
        }

        ChartTheme chosenTheme;
        switch (theme ?? "light")
        {
            case "light": chosenTheme = ChartTheme.Light; break;
            case "dark": chosenTheme = ChartTheme.Dark; break;
            default:
                error = $"theme '{theme}' is not one of light, dark";
                return false;
        }

        ChartLanguage language;
        switch (lang ?? "vi")
        {
            case "vi": language = ChartLanguage.Vietnamese; break;
            case "en": language = ChartLanguage.English; break;
            default:
                error = $"lang '{lang}' is not one of vi, en";
                return false;
        }

        options = new ChartOptions(w, h, chosenTheme, language);
        return true;
    }
}
