using System.Globalization;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Dashboard.Charts;

/// <summary>
/// The words of a chart and its text alternative, in the glossary's Vietnamese (glossary-vi.md)
/// or in English, with numbers and dates as vi-VN (<c>61,89</c>, <c>23/11/2026</c>) or en-GB write them.
/// </summary>
public sealed class ChartWords
{
    private ChartWords(ChartLanguage language) => Language = language;

    public static ChartWords Vietnamese { get; } = new(ChartLanguage.Vietnamese);

    public static ChartWords English { get; } = new(ChartLanguage.English);

    public ChartLanguage Language { get; }

    public string LanguageTag => Language == ChartLanguage.English ? "en" : "vi";

    public CultureInfo Culture => Language == ChartLanguage.English ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("vi-VN");

    private bool IsEnglish => Language == ChartLanguage.English;

    public static ChartWords For(ChartLanguage language) => language == ChartLanguage.English ? English : Vietnamese;

    /// <summary>"Tháng 11/2026" / "November 2026".</summary>
    public string Month(DateOnly firstDay) =>
        IsEnglish ? firstDay.ToString("MMMM yyyy", Culture) : $"Tháng {firstDay.Month}/{firstDay.Year}";

    /// <summary>The axis label of a month: "11/2026".</summary>
    public static string MonthTick(DateOnly firstDay) => firstDay.ToString("MM'/'yyyy", CultureInfo.InvariantCulture);

    /// <summary>"23/11/2026" in both languages.</summary>
    public static string Day(DateOnly day) => day.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    /// <summary>"61,89 điểm (Trung bình)" / "61.89 points (Average)".</summary>
    public string Points(decimal total, string? band)
    {
        var figure = total.ToString("0.00", Culture);
        var bandName = IsEnglish ? Band.FromVietnamese(band)?.English ?? band : band;
        var text = IsEnglish ? $"{figure} points" : $"{figure} điểm";
        return string.IsNullOrEmpty(bandName) ? text : $"{text} ({bandName})";
    }

    public string Axis(double value) => value.ToString("0.#", Culture);

    public string NoDossiers => IsEnglish ? "no dossiers received" : "không có hồ sơ tiếp nhận";

    public string NothingYet => IsEnglish ? "No figures yet" : "Chưa có số liệu";

    public string PublishedLate => IsEnglish ? "published late" : "công bố muộn";

    public string TrendTitle(string unitName, int months) =>
        IsEnglish ? $"Total points, last {months} months — {unitName}" : $"Tổng điểm {months} tháng gần nhất — {unitName}";

    public string HourlyTitle(string unitName, DateOnly day) =>
        IsEnglish ? $"Total points by hour on {Day(day)} — {unitName}" : $"Tổng điểm theo giờ ngày {Day(day)} — {unitName}";

    /// <summary>Every point in words, so a reader who cannot see the chart reads the same figures.</summary>
    public string Describe(IReadOnlyList<TotalPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return NothingYet + ".";
        }

        var parts = points.Select(p =>
        {
            var figure = p.Total is { } total ? Points(total, p.Band) : NoDossiers;
            return p.Note is null ? $"{p.Spoken}: {figure}" : $"{p.Spoken}: {figure}, {p.Note}";
        });
        return string.Join("; ", parts) + ".";
    }
}
