using System.Globalization;
using System.Text.RegularExpressions;
using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// <c>GET /api/v1/units/{code}/history?from=&amp;to=&amp;granularity=hour|day|month</c>: a unit's
/// published hourly snapshots, oldest first, in local time — every hour, or the last snapshot of
/// each local day or month.
/// </summary>
public static partial class HistoryApi
{
    /// <summary>The most rows one request may span; a longer range is refused rather than cut.</summary>
    public const int MaxRows = 2000;

    public static RouteGroupBuilder MapHistoryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/history", GetHistory)
            .WithName("GetUnitHistory")
            .WithSummary("A unit's published hourly snapshots, oldest first: every hour, or the last of each day or month")
            .WithTags("History");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<HistoryPoint>>, ProblemHttpResult>> GetHistory(
        string code, string? from, string? to, string? granularity, IGrainFactory grains, ScoringClock clock)
    {
        HistoryGranularity grain;
        switch (granularity ?? "hour")
        {
            case "hour": grain = HistoryGranularity.Hour; break;
            case "day": grain = HistoryGranularity.Day; break;
            case "month": grain = HistoryGranularity.Month; break;
            default:
                return BadRequest($"granularity '{granularity}' is not one of hour, day, month");
        }

        DateTimeOffset? start = null, end = null;
        if (!string.IsNullOrEmpty(from))
        {
            if (!TryParseBound(from, endOfDay: false, out var parsed))
            {
                return BadRequest(BadBound("from", from));
            }

            start = parsed;
        }

        if (!string.IsNullOrEmpty(to))
        {
            if (!TryParseBound(to, endOfDay: true, out var parsed))
            {
                return BadRequest(BadBound("to", to));
            }

            end = parsed;
        }

        var until = end ?? VietnamTime.ToLocal(clock.Now);
        var since = start ?? DefaultStart(until, grain);
        if (since > until)
        {
            return BadRequest($"from ({Local(since)}) is after to ({Local(until)})");
        }

        var rows = Rows(since, until, grain);
        if (rows > MaxRows)
        {
            return BadRequest(
                $"from..to spans {rows} {grain.ToString().ToLowerInvariant()}s; at most {MaxRows} rows per request: narrow the range or use a coarser granularity");
        }

        var points = await grains.GetGrain<IIndicatorHistoryGrain>(0).GetUnitHistory(code, since, until, grain, MaxRows);
        return TypedResults.Ok(points);
    }

    /// <summary>
    /// A date <c>yyyy-MM-dd</c> (a whole local day: <c>from</c> its start, <c>to</c> its end) or an
    /// ISO 8601 time with offset. A space before the offset is read as '+', as an unencoded '+' in a
    /// query string arrives as a space.
    /// </summary>
    private static bool TryParseBound(string text, bool endOfDay, out DateTimeOffset bound)
    {
        bound = default;
        var s = text.Trim();
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            bound = endOfDay ? VietnamTime.StartOfDay(day.AddDays(1)).AddSeconds(-1) : VietnamTime.StartOfDay(day);
            return true;
        }

        var withOffset = SpacedOffset().Replace(s, "+$1");
        if (IsoTimeWithOffset().IsMatch(withOffset)
            && DateTimeOffset.TryParse(withOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            bound = VietnamTime.ToLocal(instant);
            return true;
        }

        return false;
    }

    private static DateTimeOffset DefaultStart(DateTimeOffset until, HistoryGranularity grain) => grain switch
    {
        HistoryGranularity.Day => until.AddDays(-30),
        HistoryGranularity.Month => until.AddMonths(-12),
        _ => until.AddHours(-24),
    };

    /// <summary>How many rows the range can hold at the granularity (buckets it touches).</summary>
    private static long Rows(DateTimeOffset since, DateTimeOffset until, HistoryGranularity grain)
    {
        var first = VietnamTime.ToLocal(since);
        var last = VietnamTime.ToLocal(until);
        return grain switch
        {
            HistoryGranularity.Day => last.Date.Subtract(first.Date).Days + 1L,
            HistoryGranularity.Month => ((last.Year - first.Year) * 12L) + last.Month - first.Month + 1,
            _ => (long)Math.Floor((PublicationHour.StartOf(last) - PublicationHour.StartOf(first)).TotalHours) + 1,
        };
    }

    private static string BadBound(string name, string value) =>
        $"{name} '{value}' is not a date (yyyy-MM-dd, a local day) or an ISO 8601 time with offset (e.g. 2026-11-23T10:00:00+07:00; encode '+' as %2B)";

    private static string Local(DateTimeOffset instant) => VietnamTime.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoTimeWithOffset();

    [GeneratedRegex(@" (\d{2}:\d{2})$")]
    private static partial Regex SpacedOffset();
}
