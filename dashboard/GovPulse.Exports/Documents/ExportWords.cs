using System.Globalization;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Exports.Documents;

/// <summary>
/// The words every export file uses (docs/glossary-vi.md), in Vietnamese or English, so a CSV, a
/// workbook and a PDF of the same figures say the same thing. Group, indicator and band names come
/// from the indicator catalogue.
/// </summary>
public sealed class ExportWords
{
    private ExportWords(bool english) => English = english;

    public static ExportWords Vietnamese { get; } = new(false);

    public static ExportWords InEnglish { get; } = new(true);

    public bool English { get; }

    /// <summary>vi-VN or en-GB, for numbers and dates written for people (PDF, chart labels); files meant for machines use the invariant culture.</summary>
    public CultureInfo Culture => CultureInfo.GetCultureInfo(English ? "en-GB" : "vi-VN");

    public static ExportWords For(bool english) => english ? InEnglish : Vietnamese;

    public string Rank => English ? "Rank" : "STT";

    public string UnitCode => English ? "Unit code" : "Mã đơn vị";

    public string Unit => English ? "Unit" : "Đơn vị";

    public string Total => English ? "Total points" : "Tổng điểm";

    public string Band => English ? "Band" : "Xếp loại";

    public string Received => English ? "Dossiers received" : "Hồ sơ tiếp nhận";

    public string Group => English ? "Group" : "Nhóm chỉ số";

    public string IndicatorCode => English ? "Indicator code" : "Mã chỉ số";

    public string Indicator => English ? "Indicator" : "Chỉ số";

    public string Numerator => English ? "Numerator" : "Tử số";

    public string Denominator => English ? "Denominator" : "Mẫu số";

    public string Ratio => English ? "Ratio" : "Tỷ lệ";

    public string Points => English ? "Points" : "Điểm";

    public string MaxPoints => English ? "Max points" : "Điểm tối đa";

    public string NoData => English ? "No data" : "Không có dữ liệu";

    /// <summary>The mark of a unit with no dossiers in the period: listed after the ranked units, never ranked (issue 12).</summary>
    public string NoDossiers => English ? "No dossiers in the period" : "Chưa có hồ sơ trong kỳ";

    /// <summary>The columns of an explained number's items (GET …/indicators/{indicatorCode}/dossiers as CSV or Excel).</summary>
    public IReadOnlyList<string> ExplanationColumns => English
        ? ["Dossier id", "Subject", "Procedure code", "Channel", "Received at", "Due at", "Finished at", "In numerator", "In denominator", "Value", "Rule code", "Rule"]
        : ["Mã hồ sơ", "Đối tượng", "Mã thủ tục", "Kênh nộp", "Thời điểm tiếp nhận", "Hạn giải quyết", "Thời điểm hoàn thành", "Tính vào tử số", "Tính vào mẫu số", "Giá trị", "Mã quy tắc", "Quy tắc"];

    /// <summary>The sheet of an explained number's items.</summary>
    public string ExplanationSheet => English ? "Explanation" : "Giải trình";

    public string AsOf => English ? "Figures as known at" : "Số liệu tại thời điểm";

    public string RuleSet => English ? "Rule set" : "Bộ quy tắc";

    public string FiguresSha256 => English ? "Figures SHA-256" : "Mã kiểm tra số liệu (SHA-256)";

    public string PeriodHeading => English ? "Period" : "Kỳ đánh giá";

    public string Title => English ? "Title" : "Tiêu đề";

    public string Request => English ? "Request" : "Yêu cầu";

    /// <summary>The column heads of the workbook's "about" sheet.</summary>
    public string Item => English ? "Item" : "Mục";

    public string Value => English ? "Value" : "Giá trị";

    /// <summary>Sheet names (Excel allows 31 characters).</summary>
    public string SummarySheet => English ? "Summary" : "Tổng hợp";

    public string AboutSheet => English ? "About" : "Thông tin";

    public string LevelHeading => English ? "Level" : "Cấp";

    /// <summary>The sign-off block an auditor fills in on a printed PDF.</summary>
    public string Checked => English ? "Checked" : "Đã kiểm tra";

    public string CheckedBy => English ? "Checked by (name)" : "Người kiểm tra (họ và tên)";

    public string Signature => English ? "Signature" : "Chữ ký";

    public string Date => English ? "Date" : "Ngày";

    public string Page(int page, int pages) =>
        English ? string.Create(CultureInfo.InvariantCulture, $"Page {page} of {pages}") : string.Create(CultureInfo.InvariantCulture, $"Trang {page}/{pages}");

    /// <summary>Under a ranking chart, which leaves out the units it cannot rank.</summary>
    public string UnrankedLeftOut(int units) =>
        English ? string.Create(CultureInfo.InvariantCulture, $"{units} unit(s) not shown: {NoDossiers.ToLowerInvariant()} (not ranked)")
            : string.Create(CultureInfo.InvariantCulture, $"{units} đơn vị không thể hiện: {NoDossiers.ToLowerInvariant()} (không xếp hạng)");

    public string TrendTitle(string unitName) =>
        English ? $"Group points by month — {unitName}" : $"Điểm các nhóm chỉ số theo tháng — {unitName}";

    public string MonthHeading => English ? "Month" : "Tháng";

    public string Level(UnitKind kind) => kind == UnitKind.Department
        ? English ? "City departments" : "Sở, ban, ngành"
        : English ? "Commune-level units" : "Phường, xã, đặc khu";

    public string RankingTitle(UnitKind kind, Period period) =>
        English ? $"Ranking — {Level(kind)} — {PeriodName(period)}" : $"Bảng xếp hạng — {Level(kind)} — {PeriodName(period)}";

    public string ScorecardTitle(string unitName, Period period) =>
        English ? $"Service-quality index — {unitName} — {PeriodName(period)}" : $"Bộ chỉ số phục vụ người dân, doanh nghiệp — {unitName} — {PeriodName(period)}";

    /// <summary>"Tháng 11/2026", "Quý IV/2026", "Năm 2026", "01/11/2026 – 15/11/2026" (or the English).</summary>
    public string PeriodName(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Kind switch
        {
            PeriodKind.Month => English ? period.FirstDay.ToString("MMMM yyyy", Culture) : $"Tháng {period.FirstDay.Month}/{period.FirstDay.Year}",
            PeriodKind.Quarter => English ? $"Q{Quarter(period)} {period.FirstDay.Year}" : $"Quý {Roman(Quarter(period))}/{period.FirstDay.Year}",
            PeriodKind.Year => English ? period.FirstDay.Year.ToString(CultureInfo.InvariantCulture) : $"Năm {period.FirstDay.Year}",
            _ => $"{Day(period.FirstDay)} – {Day(period.LastDay)}",
        };
    }

    public string GroupName(GroupCode code) => English ? IndicatorCatalog.Get(code).English : IndicatorCatalog.Get(code).Vietnamese;

    public string IndicatorName(IndicatorCode code) => English ? IndicatorCatalog.Get(code).English : IndicatorCatalog.Get(code).Vietnamese;

    /// <summary>The band as the file names it: the Vietnamese name a scorecard carries, or its English name.</summary>
    public string BandName(string? vietnamese) =>
        English ? Indicators.Scoring.Band.FromVietnamese(vietnamese)?.English ?? vietnamese ?? string.Empty : vietnamese ?? string.Empty;

    /// <summary>"18/09/2026" in both languages.</summary>
    public static string Day(DateOnly day) => day.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    /// <summary>A machine-readable figure: a dot and two places, whatever the language (CSV, workbook cells written as text).</summary>
    public static string Figure(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static int Quarter(Period period) => ((period.FirstDay.Month - 1) / 3) + 1;

    private static string Roman(int quarter) => quarter switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
}
