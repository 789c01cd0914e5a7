using System.Globalization;
using GovPulse.Indicators.Periods;

namespace GovPulse.Cli.Commands;

/// <summary>
/// <c>--from</c> and <c>--to</c>: a date (<c>2026-11-01</c>, Vietnam time) or a time with offset
/// (<c>2026-11-01T08:00:00+07:00</c>). A date as <c>--from</c> is the start of that day; as
/// <c>--to</c> it is the end of that day, so <c>--from 2026-01-01 --to 2026-12-31</c> is the whole year.
/// </summary>
public static class TimeArguments
{
    public static DateTimeOffset From(string text, string option) => Parse(text, option, endOfDay: false);

    public static DateTimeOffset To(string text, string option) => Parse(text, option, endOfDay: true);

    /// <summary>ISO 8601 in Vietnam time, as the node's admin API takes it.</summary>
    public static string Iso(DateTimeOffset t) => VietnamTime.ToLocal(t).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text, string option, bool endOfDay)
    {
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return VietnamTime.StartOfDay(endOfDay ? day.AddDays(1) : day);
        }

        if (text.Length > 10 && HasOffset(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        throw new CliException($"{option} '{text}' is not a date or a time with offset; write e.g. {option} 2026-11-01 or {option} 2026-11-01T08:00:00+07:00");
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
