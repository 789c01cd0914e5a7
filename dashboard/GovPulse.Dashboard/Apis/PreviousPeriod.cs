using GovPulse.Indicators.Periods;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// "Kỳ trước", the period a figure is compared with: the month, quarter or year before, and for a
/// custom range the range of the same number of days that ends the day before it starts. A period
/// still running is compared with the whole previous one, as the index is a ratio.
/// </summary>
public static class PreviousPeriod
{
    public static Period Of(Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var first = period.FirstDay;
        switch (period.Kind)
        {
            case PeriodKind.Month:
                var month = first.AddMonths(-1);
                return Period.Month(month.Year, month.Month);
            case PeriodKind.Quarter:
                var quarter = first.AddMonths(-3);
                return Period.Quarter(quarter.Year, ((quarter.Month - 1) / 3) + 1);
            case PeriodKind.Year:
                return Period.Year(first.Year - 1);
            default:
                var days = period.LastDay.DayNumber - first.DayNumber + 1;
                return new Period(PeriodKind.Range, first.AddDays(-days), first.AddDays(-1));
        }
    }
}
