using System.Globalization;
using System.Reflection;
using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Dashboard.Queries;

/// <summary>
/// The <c>asOf</c> query parameter: the instant figures are computed as known at (events stored
/// after it are not counted). ISO 8601 with an offset (<c>2026-12-01T08:00:00+07:00</c>,
/// <c>2026-12-01T01:00:00Z</c>); without one it is local time (Asia/Ho_Chi_Minh), and a date alone
/// is 00:00 local that day. Kept to the millisecond (the event log's precision). When absent it is
/// now on the scoring clock to the millisecond (to the second it would leave out what was stored
/// in the last fraction of a second), and the answer states it. An instant after now is
/// refused: what is not yet known cannot be reproduced.
/// </summary>
public sealed record AsOfParameter(DateTimeOffset? Instant, bool Given, string? Problem) : IQueryValue
{
    /// <summary>The header every as-of answer carries, in local time with its offset.</summary>
    public const string Header = "X-GovPulse-As-Of";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd",
    ];

    public DateTimeOffset Value => Instant ?? throw new InvalidOperationException(Problem);

    /// <summary>The instant as the files and headers state it: local time, offset, milliseconds only when it has some.</summary>
    public string Stated => Format(Value);

    public static string Format(DateTimeOffset instant)
    {
        var local = VietnamTime.ToLocal(instant);
        return local.ToString(local.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
    }

    public static AsOfParameter Parse(string? text, ScoringClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.Now;
        if (string.IsNullOrEmpty(text))
        {
            return new AsOfParameter(Truncate(now, TimeSpan.TicksPerMillisecond), Given: false, null);
        }

        var trimmed = text.Trim();
        if (!DateTimeOffset.TryParseExact(trimmed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return new AsOfParameter(null, Given: true, $"asOf '{EchoedInput.Cut(text)}' is not an ISO 8601 time such as 2026-12-01T08:00:00+07:00");
        }

        if (!HasOffset(trimmed))
        {
            // Local wall time: the same digits in Asia/Ho_Chi_Minh.
            var wall = DateTime.SpecifyKind(parsed.UtcDateTime, DateTimeKind.Unspecified);
            parsed = new DateTimeOffset(wall, VietnamTime.Zone.GetUtcOffset(wall));
        }

        var instant = Truncate(parsed, TimeSpan.TicksPerMillisecond);
        return instant > now
            ? new AsOfParameter(null, Given: true, $"asOf {Format(instant)} is in the future; figures can be stated only as known at an instant that has passed (now is {Format(Truncate(now, TimeSpan.TicksPerMillisecond))})")
            : new AsOfParameter(instant, Given: true, null);
    }

    public static ValueTask<AsOfParameter?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(parameter);
        var clock = context.RequestServices.GetRequiredService<ScoringClock>();
        return ValueTask.FromResult<AsOfParameter?>(Parse(context.Request.Query[parameter.Name ?? "asOf"], clock));
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 10 && (text.LastIndexOf('+') > 10 || text.LastIndexOf('-') > 10));

    private static DateTimeOffset Truncate(DateTimeOffset instant, long unit) =>
        new DateTimeOffset(instant.UtcTicks - (instant.UtcTicks % unit), TimeSpan.Zero);
}
