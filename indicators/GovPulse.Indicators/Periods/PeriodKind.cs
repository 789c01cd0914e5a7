namespace GovPulse.Indicators.Periods;

/// <summary>Kỳ đánh giá: Tháng, Quý, Năm, Tùy chọn.</summary>
public enum PeriodKind
{
    Month,
    Quarter,
    Year,
    Range,
}
