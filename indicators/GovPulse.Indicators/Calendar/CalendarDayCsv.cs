using System.Globalization;
using GovPulse.Indicators.Catalog;

namespace GovPulse.Indicators.Calendar;

/// <summary>
/// Reads holiday rows in the shape of <c>vn-holidays-2025-2026.csv</c>. The embedded data and the
/// configuration overrides share this one reader, so a row that works in one works in the other.
/// </summary>
internal static class CalendarDayCsv
{
    public const string Header = "date,name,is_day_off,kind,confirmed";

    private static readonly string[] Columns = Header.Split(',');

    /// <summary>
    /// Rows of configuration text, one per line (RFC 4180 quoting, no line breaks inside a field). The
    /// header is optional; blank lines and lines starting with <c>#</c> are skipped so an operator can say
    /// why a day was added. Errors name the line (counted from 1) and the field.
    /// </summary>
    public static IReadOnlyList<CalendarDay> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var days = new List<CalendarDay>();
        var lineNumber = 0;
        var firstContentLine = true;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var fields = CsvRecord.Parse(line);
            if (firstContentLine && IsHeader(fields, lineNumber))
            {
                firstContentLine = false;
                continue;
            }

            firstContentLine = false;
            days.Add(FromFields(fields, lineNumber));
        }

        return days;
    }

    /// <summary>The rows of an embedded file; it has no blank lines, so row i sits on line i + 2 (after the header).</summary>
    public static IReadOnlyList<CalendarDay> ReadEmbedded(string fileName) =>
        CsvRecord.ReadEmbedded(fileName).Select((fields, i) => FromFields(fields, i + 2)).ToArray();

    private static bool IsHeader(string[] fields, int lineNumber)
    {
        if (!fields[0].Trim().Equals(Columns[0], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // A header in another order would silently swap meanings, so only the exact one is accepted.
        if (!fields.Select(f => f.Trim()).SequenceEqual(Columns, StringComparer.OrdinalIgnoreCase))
        {
            throw new FormatException($"Holiday data line {lineNumber}: the header must be '{Header}'.");
        }

        return true;
    }

    private static CalendarDay FromFields(string[] fields, int lineNumber)
    {
        if (fields.Length != Columns.Length)
        {
            throw new FormatException(
                $"Holiday data line {lineNumber}: expected {Columns.Length} fields ({Header}), found {fields.Length}.");
        }

        var date = ParseDate(fields[0].Trim(), lineNumber);
        var name = fields[1].Trim();
        if (name.Length == 0)
        {
            throw Error(lineNumber, "name", name, "is empty; say which day this is");
        }

        var isDayOff = ParseDayOff(fields[2].Trim(), lineNumber);
        var kind = ParseKind(fields[3].Trim(), lineNumber);
        var confirmed = ParseYesNo(fields[4].Trim(), "confirmed", lineNumber);

        // A make-up Saturday that is also a day off contradicts itself; refusing it beats guessing which half was meant.
        if (kind == CalendarDayKind.MakeupWorkday && isDayOff == true)
        {
            throw Error(lineNumber, "is_day_off", fields[2].Trim(), "contradicts kind makeup_workday, a worked Saturday; use no");
        }

        return new CalendarDay(date, name, isDayOff, kind, confirmed);
    }

    private static DateOnly ParseDate(string value, int lineNumber) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(lineNumber, "date", value, "is not a date written yyyy-MM-dd");

    private static bool? ParseDayOff(string value, int lineNumber) => value.ToUpperInvariant() switch
    {
        "YES" => true,
        "NO" => false,
        "UNKNOWN" => null,
        _ => throw Error(lineNumber, "is_day_off", value, "is not yes, no or unknown"),
    };

    private static bool ParseYesNo(string value, string field, int lineNumber) => value.ToUpperInvariant() switch
    {
        "YES" => true,
        "NO" => false,
        _ => throw Error(lineNumber, field, value, "is not yes or no"),
    };

    private static CalendarDayKind ParseKind(string value, int lineNumber) => value.ToUpperInvariant() switch
    {
        "STATUTORY" => CalendarDayKind.Statutory,
        "WEEKEND_IN_BREAK" => CalendarDayKind.WeekendInBreak,
        "SWAPPED_DAY_OFF" => CalendarDayKind.SwappedDayOff,
        "MAKEUP_WORKDAY" => CalendarDayKind.MakeupWorkday,
        "OBSERVED_COMPENSATORY" => CalendarDayKind.ObservedCompensatory,
        "PROPOSED_NOT_IN_FORCE" => CalendarDayKind.ProposedNotInForce,
        _ => throw Error(
            lineNumber,
            "kind",
            value,
            "is not one of statutory, weekend_in_break, swapped_day_off, makeup_workday, observed_compensatory, proposed_not_in_force"),
    };

    private static FormatException Error(int lineNumber, string field, string value, string problem) =>
        new($"Holiday data line {lineNumber}, field '{field}': '{value}' {problem}.");
}
