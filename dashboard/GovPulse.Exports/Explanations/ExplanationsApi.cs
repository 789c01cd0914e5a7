using GovPulse.Dashboard.Queries;
using GovPulse.Exports.Documents;
using GovPulse.Grains;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Security;
using GovPulse.Security.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Exports.Explanations;

/// <summary>
/// <c>GET /api/v1/units/{code}/indicators/{indicatorCode}/dossiers?period=P&amp;asOf=T&amp;cursor=C&amp;limit=N&amp;format=json|csv|xlsx&amp;lang=vi|en</c>:
/// the items behind a number (docs/api.md, "Explained numbers"). Figures and items come from the
/// known-at grain, so the numerator and denominator are the scorecard's as known at <c>asOf</c>, the
/// items' values add up to the numerator and the items in the denominator number it. JSON answers
/// one page; the cursor of the next pins the first page's asOf and period. CSV and Excel hold the whole list.
/// </summary>
public static class ExplanationsApi
{
    public const string Route = "/units/{code}/indicators/{indicatorCode}/dossiers";

    public static RouteGroupBuilder MapExplanationsApi(this RouteGroupBuilder api)
    {
        api.MapGet(Route, GetIndicatorDossiers)
            .WithName("GetIndicatorDossiers")
            .WithSummary("The dossiers counted in an indicator's numerator and denominator as known at an instant, paged, or the whole list as CSV or Excel")
            .WithTags("Explanations")
            .Audited();
        return api;
    }

    private static async Task<Results<Ok<ExplanationPage>, FileContentHttpResult, ProblemHttpResult>> GetIndicatorDossiers(
        string code,
        string indicatorCode,
        PeriodParameter period,
        AsOfParameter asOf,
        LanguageParameter lang,
        ExplanationFormatParameter format,
        ExplanationLimitParameter limit,
        string? cursor,
        UnitDirectory units,
        IGrainFactory grains,
        IDataProtectionProvider protection,
        HttpContext http)
    {
        if (units.Find(code) is { } pooled && UnitDirectory.IsPooled(pooled))
        {
            return Problem("the city's figures pool its units; open one unit (GET /api/v1/units lists them)", StatusCodes.Status400BadRequest);
        }

        if (!IndicatorCatalog.TryParse(indicatorCode, out var indicator))
        {
            return Problem(
                $"indicator '{EchoedInput.Cut(indicatorCode)}' is not a Decision 766 indicator ({string.Join(", ", IndicatorCatalog.Indicators.Select(d => d.Code))})",
                StatusCodes.Status404NotFound);
        }

        var query = new ExplanationCursor(code, indicator, period.Value, asOf.Value, 0);
        if (cursor is not null)
        {
            if (Resume(cursor, query, asOf.Given, http.Request.Query.ContainsKey("period"), protection) is not { } resumed)
            {
                return Problem(CursorProblem(cursor, query, protection), StatusCodes.Status400BadRequest);
            }

            query = resumed;
        }

        var explanation = await grains.GetGrain<IKnownAtGrain>(0).Explain(code, query.Period, query.AsOf, indicator);
        var items = explanation.Items.Select(i => ExplainedDossierView.Of(i, lang.English)).ToList();
        http.Response.Headers[AsOfParameter.Header] = AsOfParameter.Format(query.AsOf);
        http.Response.Headers.CacheControl = "private, no-store";
        var words = ExportWords.For(lang.English);
        switch (format.Value)
        {
            case ExplanationFormat.Csv:
                return TypedResults.File(
                    ExplanationFile.Csv(items, words), ExplanationFile.CsvContentType, ExplanationFile.Name(code, indicator, query.Period, ExplanationFormat.Csv, lang.English));
            case ExplanationFormat.Xlsx:
                return TypedResults.File(
                    ExplanationFile.Xlsx(items, words), ExplanationFile.XlsxContentType, ExplanationFile.Name(code, indicator, query.Period, ExplanationFormat.Xlsx, lang.English));
        }

        var page = items.Skip(query.Offset).Take(limit.Value).ToList();
        var end = (long)query.Offset + page.Count;
        var next = page.Count > 0 && end < items.Count ? (query with { Offset = (int)end }).Write(protection) : null;
        return TypedResults.Ok(new ExplanationPage(
            code, indicator, query.Period.Label, AsOfParameter.Format(query.AsOf), explanation.Numerator, explanation.Denominator, items.Count, page, next));
    }

    /// <summary>
    /// The cursor's query, when it is one this endpoint wrote for this unit and indicator, and the
    /// request states no other period or asOf (it may leave them out: the cursor holds them).
    /// </summary>
    private static ExplanationCursor? Resume(string text, ExplanationCursor request, bool asOfGiven, bool periodGiven, IDataProtectionProvider protection) =>
        ExplanationCursor.Read(text, protection) is { } cursor
        && cursor.UnitCode == request.UnitCode
        && cursor.Indicator == request.Indicator
        && (!periodGiven || cursor.Period == request.Period)
        && (!asOfGiven || cursor.AsOf == request.AsOf)
            ? cursor
            : null;

    private static string CursorProblem(string text, ExplanationCursor request, IDataProtectionProvider protection) =>
        ExplanationCursor.Read(text, protection) is { } cursor
            ? cursor.UnitCode != request.UnitCode || cursor.Indicator != request.Indicator
                ? $"the cursor is for {cursor.UnitCode}'s {cursor.Indicator}, not this unit and indicator; start again without one"
                : $"the cursor is for period {cursor.Period.Label} as known at {AsOfParameter.Format(cursor.AsOf)}; leave period and asOf out (or give those) with it"
            : "the cursor is not one this endpoint gave (changed or cut); start again without one";

    private static ProblemHttpResult Problem(string detail, int status) => TypedResults.Problem(detail, statusCode: status);
}
