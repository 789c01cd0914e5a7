using System.Globalization;

namespace GovPulse.Cli.Scoring;

/// <summary>Numbers as leaders read them (glossary-vi.md, vi-VN): decimal comma, dot for thousands — <c>88,42%</c>, <c>597.918</c>, <c>17,68</c>.</summary>
public static class VietnameseNumbers
{
    /// <summary>vi-VN's separators, fixed here rather than taken from the machine's culture data.</summary>
    public static NumberFormatInfo Format { get; } = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        PercentDecimalSeparator = ",",
        PercentGroupSeparator = ".",
        NegativeSign = "-",
    };

    /// <summary>Points and scores: always 2 decimals (<c>17,68</c>, <c>6,00</c>).</summary>
    public static string Points(decimal value) => value.ToString("#,##0.00", Format);

    /// <summary>A ratio already in percent: <c>88,42%</c>.</summary>
    public static string Percent(decimal value) => value.ToString("#,##0.00", Format) + "%";

    /// <summary>A count: <c>597.918</c>; a fraction, if any, with up to 2 decimals.</summary>
    public static string Count(decimal value) => value.ToString("#,##0.##", Format);
}
