using System.Globalization;
using GovPulse.Indicators.Periods;

namespace GovPulse.Notifications.Summaries;

/// <summary>
/// Numbers, times and dates as each language writes them: vi-VN with a decimal comma and dot
/// thousands (<c>78,45</c>, <c>06/12/2026</c>), English with a decimal point (<c>78.45</c>, <c>6 Dec 2026</c>).
/// Fixed formats rather than the machine's culture data, so every node writes the same text.
/// </summary>
public static class NoticeFormat
{
    public const string CityVi = "TP.HCM";
    public const string CityEn = "HCMC";

    private static readonly NumberFormatInfo Vietnamese = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" };

    /// <summary>Points with two decimals: <c>78,45</c> / <c>78.45</c>.</summary>
    public static string Points(decimal value, bool vi) =>
        value.ToString("#,##0.00", vi ? Vietnamese : CultureInfo.InvariantCulture);

    /// <summary>A signed change with two decimals: <c>+0,35</c>, <c>−1,20</c>, <c>±0,00</c>.</summary>
    public static string Change(decimal delta, bool vi)
    {
        var size = Points(Math.Abs(delta), vi);
        return delta > 0 ? "+" + size : delta < 0 ? "−" + size : "±" + size;
    }

    /// <summary>A whole count: <c>1.234</c> / <c>1,234</c>.</summary>
    public static string Count(int value, bool vi) =>
        value.ToString("#,##0", vi ? Vietnamese : CultureInfo.InvariantCulture);

    /// <summary>Local time of day, <c>HH:mm</c> in both languages.</summary>
    public static string Time(DateTimeOffset instant) =>
        VietnamTime.ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Local date: <c>06/12/2026</c> / <c>6 Dec 2026</c>.</summary>
    public static string Date(DateTimeOffset instant, bool vi) =>
        VietnamTime.ToLocal(instant).ToString(vi ? "dd/MM/yyyy" : "d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Local day and month, for due times: <c>07/12</c> / <c>7 Dec</c>.</summary>
    public static string DayMonth(DateTimeOffset instant, bool vi) =>
        VietnamTime.ToLocal(instant).ToString(vi ? "dd/MM" : "d MMM", CultureInfo.InvariantCulture);

    /// <summary>A band in the language (a scorecard carries the Vietnamese name).</summary>
    public static string Band(string vietnamese, bool vi) =>
        vi ? vietnamese : GovPulse.Indicators.Scoring.Band.FromVietnamese(vietnamese)?.English ?? vietnamese;
}
