using System.Globalization;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;

namespace GovPulse.Exports.Files;

/// <summary>
/// The names export files are offered under (<c>Content-Disposition</c>), saying what they hold:
/// <c>xep-hang-phuong-xa-2026-11.xlsx</c>, <c>xep-hang-so-nganh-2026-q4.pdf</c>,
/// <c>bang-diem-26734-2026-11.csv</c>; in English <c>ranking-communes-…</c>, <c>ranking-departments-…</c>,
/// <c>scorecard-26734-…</c>. ASCII only, so every browser and shell keeps them as they are.
/// </summary>
public static class ExportFileNames
{
    public static string Ranking(UnitKind level, Period period, bool english, string extension)
    {
        var what = (level == UnitKind.Department, english) switch
        {
            (true, true) => "ranking-departments",
            (true, false) => "xep-hang-so-nganh",
            (false, true) => "ranking-communes",
            (false, false) => "xep-hang-phuong-xa",
        };
        return $"{what}-{PeriodPart(period)}.{extension}";
    }

    public static string Scorecard(string unitCode, Period period, bool english, string extension) =>
        $"{(english ? "scorecard" : "bang-diem")}-{unitCode}-{PeriodPart(period)}.{extension}";

    /// <summary><c>2026-11</c>, <c>2026-q4</c>, <c>2026</c>, <c>2026-11-01_2026-11-15</c>.</summary>
    public static string PeriodPart(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Kind switch
        {
            PeriodKind.Range => $"{Day(period.FirstDay)}_{Day(period.LastDay)}",
            _ => period.Label.ToLowerInvariant(),
        };
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
