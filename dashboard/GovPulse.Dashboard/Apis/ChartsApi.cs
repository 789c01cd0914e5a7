using System.Security.Cryptography;
using System.Text;
using GovPulse.Dashboard.Charts;
using GovPulse.Dashboard.Queries;
using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// Charts drawn on the server as accessible SVG (ScottPlot), for the dashboard's <c>&lt;img&gt;</c>:
/// <c>GET /api/v1/units/{code}/charts/trend.svg?months=12&amp;period=P</c> (total points by month, the
/// figures of <c>/trend</c>) and <c>GET /api/v1/units/{code}/charts/today.svg</c> (by hour today, the
/// figures of <c>/history?granularity=hour</c>). Both take <c>width</c>, <c>height</c>,
/// <c>theme=light|dark</c>, <c>lang=vi|en</c>; answers carry an ETag and may be cached for a minute.
/// </summary>
public static class ChartsApi
{
    public const string SvgContentType = "image/svg+xml; charset=utf-8";
    public const string CacheControl = "private, max-age=60";

    public static RouteGroupBuilder MapChartsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/units/{code}/charts/trend.svg", GetTrendChart)
            .WithName("GetUnitTrendChart")
            .WithSummary("A unit's total points by month as an accessible SVG chart")
            .WithTags("Charts");
        api.MapGet("/units/{code}/charts/today.svg", GetTodayChart)
            .WithName("GetUnitTodayChart")
            .WithSummary("A unit's total points by hour today as an accessible SVG chart")
            .WithTags("Charts");
        return api;
    }

    private static async Task<Results<ContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetTrendChart(
        string code, string? months, PeriodParameter period, string? width, string? height, string? theme, string? lang,
        UnitDirectory units, IGrainFactory grains, ScoringClock clock, HttpContext http)
    {
        if (!TrendApi.TryRead(months, period.Value, clock, out var query, out var problem))
        {
            return problem;
        }

        if (!ChartOptions.TryParse(width, height, theme, lang, out var options, out var error))
        {
            return BadRequest(error);
        }

        var points = await MonthlyTrend.GetAsync(grains, units, code, query.LastMonth, query.Months, clock);
        return Svg(http, TrendChart.Render(units.Find(code)!.Name, points, options));
    }

    private static async Task<Results<ContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetTodayChart(
        string code, string? width, string? height, string? theme, string? lang,
        UnitDirectory units, IGrainFactory grains, ScoringClock clock, HttpContext http)
    {
        var unit = units.Find(code)!;
        if (!ChartOptions.TryParse(width, height, theme, lang, out var options, out var error))
        {
            return BadRequest(error);
        }

        var now = VietnamTime.ToLocal(clock.Now);
        var today = VietnamTime.LocalDate(now);
        var hours = await grains.GetGrain<IIndicatorHistoryGrain>(0)
            .GetUnitHistory(code, VietnamTime.StartOfDay(today), now, HistoryGranularity.Hour, 48);
        return Svg(http, HourlyChart.Render(unit.Name, today, hours, options));
    }

    /// <summary>The SVG with a strong ETag of its bytes; 304 when the reader already holds it.</summary>
    private static Results<ContentHttpResult, StatusCodeHttpResult, ProblemHttpResult> Svg(HttpContext http, string svg)
    {
        var etag = new EntityTagHeaderValue("\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(svg)))[..24] + "\"");
        http.Response.Headers.CacheControl = CacheControl;
        http.Response.Headers.ETag = etag.ToString();
        var held = http.Request.GetTypedHeaders().IfNoneMatch;
        if (held.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Content(svg, SvgContentType);
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
