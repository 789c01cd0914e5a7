using System.Globalization;
using System.Text.RegularExpressions;

namespace GovPulse.Indicators.Periods;

/// <summary>
/// An evaluation period of whole local days (Asia/Ho_Chi_Minh), first and last day inclusive.
/// Written as in the API: <c>2026-09</c>, <c>2026-Q3</c>, <c>2026</c>, <c>2026-09-01..2026-09-15</c>.
/// </summary>
public sealed partial record Period(PeriodKind Kind, DateOnly FirstDay, DateOnly LastDay)
{
    /// <summary>00:00 local time on the first day.</summary>
    public DateTimeOffset Start => VietnamTime.StartOfDay(FirstDay);

    /// <summary>00:00 local time on the day after the last day (exclusive).</summary>
    public DateTimeOffset End => VietnamTime.StartOfDay(LastDay.AddDays(1));

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>The evaluation time: min(now, end of period), in local time. In-progress dossiers are judged at it.</summary>
    public DateTimeOffset EvaluationTime(DateTimeOffset now) => VietnamTime.ToLocal(now < End ? now : End);

    public string Label => Kind switch
    {
        PeriodKind.Month => FirstDay.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{FirstDay.Year}-Q{((FirstDay.Month - 1) / 3) + 1}",
        PeriodKind.Year => FirstDay.Year.ToString(CultureInfo.InvariantCulture),
        _ => $"{FirstDay:yyyy-MM-dd}..{LastDay:yyyy-MM-dd}",
    };

    public override string ToString() => Label;

    public static Period Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new Period(PeriodKind.Month, first, first.AddMonths(1).AddDays(-1));
    }

    public static Period Quarter(int year, int quarter)
    {
        var first = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new Period(PeriodKind.Quarter, first, first.AddMonths(3).AddDays(-1));
    }

    public static Period Year(int year) => new(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>The local month that contains the instant: the API's default period.</summary>
    public static Period MonthOf(DateTimeOffset instant)
    {
        var day = VietnamTime.LocalDate(instant);
        return Month(day.Year, day.Month);
    }

    /// <summary>The first day a period may start: the event log holds no earlier time (DateTime64's range).</summary>
    public static DateOnly EarliestDay { get; } = new(1900, 1, 1);

    /// <summary>The last day a period may end: the event log holds no later time.</summary>
    public static DateOnly LatestDay { get; } = new(2299, 12, 31);

    /// <summary>Parses the API's period syntax; the error says what was expected.</summary>
    public static bool TryParse(string? text, out Period period, out string error)
    {
        if (!TryParseSyntax(text, out period, out error))
        {
            return false;
        }

        if (period.FirstDay < EarliestDay || period.LastDay > LatestDay)
        {
            error = $"period '{text!.Trim()}' is outside {EarliestDay:yyyy-MM-dd}..{LatestDay:yyyy-MM-dd}, the days GovPulse can hold";
            period = null!;
            return false;
        }

        return true;
    }

    private static bool TryParseSyntax(string? text, out Period period, out string error)
    {
        period = null!;
        error = string.Empty;
        var s = text?.Trim() ?? string.Empty;
        try
        {
            if (MonthPattern().Match(s) is { Success: true } m)
            {
                period = Month(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
                return true;
            }

            if (QuarterPattern().Match(s) is { Success: true } q)
            {
                period = Quarter(int.Parse(q.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(q.Groups[2].Value, CultureInfo.InvariantCulture));
                return true;
            }

            if (YearPattern().IsMatch(s))
            {
                period = Year(int.Parse(s, CultureInfo.InvariantCulture));
                return true;
            }

            if (RangePattern().Match(s) is { Success: true } r
                && DateOnly.TryParseExact(r.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                && DateOnly.TryParseExact(r.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
            {
                if (to < from)
                {
                    error = $"period '{s}' ends before it starts";
                    return false;
                }

                period = new Period(PeriodKind.Range, from, to);
                return true;
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            // month 13, quarter 5, year 0: fall through to the message below
        }

        error = $"period '{s}' is not one of YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD";
        return false;
    }

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^(\d{4})-Q([1-4])$")]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")]
    private static partial Regex RangePattern();
}
