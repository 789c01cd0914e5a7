using System.Globalization;
using GovPulse.Indicators.Periods;

namespace GovPulse.Security.Audit;

/// <summary>
/// A bound of the audit API's time range: an ISO 8601 time (with an offset, or Vietnam wall time
/// without one), or a date, meaning the start of that day in Vietnam for <c>from</c> and the end of it
/// (the next day's start) for <c>to</c>.
/// </summary>
public static class AuditInstant
{
    private static readonly string[] Times =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The instant, or null with <paramref name="problem"/> set when the text is not one; null without a problem when none was given.</summary>
    public static DateTimeOffset? Parse(string name, string? text, bool end, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return VietnamTime.StartOfDay(end ? day.AddDays(1) : day);
        }

        if (DateTime.TryParseExact(trimmed, Times, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall) && wall.Kind == DateTimeKind.Unspecified)
        {
            return new DateTimeOffset(wall, VietnamTime.Zone.GetUtcOffset(wall));
        }

        if (DateTimeOffset.TryParseExact(trimmed, Times, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        problem = $"{name} '{EchoedInput.Cut(text)}' is not a date (2026-11-30) or an ISO 8601 time (2026-11-30T08:00:00+07:00)";
        return null;
    }
}
