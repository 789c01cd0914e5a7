using GovPulse.Dashboard.Queries;
using GovPulse.Exports.Documents;
using GovPulse.Exports.Rendering;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Security.Audit;
using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Exports.Files;

/// <summary>
/// <c>GET /api/v1/exports/rankings</c>, <c>GET /api/v1/exports/units/{code}/scorecard</c> and
/// <c>GET /api/v1/exports/manifests/{sha256}</c> (docs/api.md, "Exports"). Every file is computed as
/// known at <c>asOf</c> (default now, to the second), states it in <c>X-GovPulse-As-Of</c>, and has a
/// manifest stored before the file is answered, whose SHA-256 is <c>X-GovPulse-Manifest</c>.
/// </summary>
public static class ExportFilesApi
{
    public const string ManifestHeader = "X-GovPulse-Manifest";

    public const string RankingsPath = "/api/v1/exports/rankings";

    public static RouteGroupBuilder MapExportFilesApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var exports = api.MapGroup("/exports").WithTags("Exports").Audited();
        exports.MapGet("/rankings", GetRankingExport)
            .WithName("ExportRanking")
            .WithSummary("A ranking of communes or departments as a file (CSV, Excel, PDF, PNG or SVG), as known at asOf, with its manifest hash");
        exports.MapGet("/units/{code}/scorecard", GetScorecardExport)
            .WithName("ExportUnitScorecard")
            .WithSummary("A unit's (or the city's) scorecard and 12-month trend as a file, as known at asOf, with its manifest hash");
        exports.MapGet("/manifests/{sha256}", GetManifest)
            .WithName("GetExportManifest")
            .WithSummary("The manifest of an export, found by its own SHA-256 or by the file's");
        return api;
    }

    public static string ScorecardPath(string code) => $"/api/v1/exports/units/{code}/scorecard";

    private static async Task<FileContentHttpResult> GetRankingExport(
        LevelParameter level, PeriodParameter period, AsOfParameter asOf, ExportFormatParameter format, LanguageParameter lang,
        KnownAtScorecards known, IExportManifestStore manifests, TimeProvider time, HttpResponse response, CancellationToken cancellationToken)
    {
        var units = await known.RankingAsync(level.Value, period.Value, asOf.Value, cancellationToken);
        var request = ExportRequest.Normal(RankingsPath, Parameters(period.Value, asOf, format, lang, ("level", level.Word)));
        var stamp = new ExportStamp(asOf.Value, RuleSet.Current, FiguresDigest.OfRanking(level.Value, period.Value, asOf.Value, RuleSet.Current, units), request);
        var file = ExportRenderer.Render(new RankingExport(level.Value, period.Value, lang.English, stamp, units), format.Value);
        var ranked = units.Count(u => u.IsRanked);
        KeyValuePair<string, long>[] rows = [new("units", units.Count), new("ranked", ranked), new("noDossiers", units.Count - ranked)];
        var name = ExportFileNames.Ranking(level.Value, period.Value, lang.English, file.Extension);
        return await AnswerAsync(file, stamp, format, rows, name, manifests, time, response, cancellationToken);
    }

    private static async Task<FileContentHttpResult> GetScorecardExport(
        string code, PeriodParameter period, AsOfParameter asOf, ExportFormatParameter format, LanguageParameter lang,
        KnownAtScorecards known, UnitDirectory directory, IExportManifestStore manifests, TimeProvider time, HttpResponse response, CancellationToken cancellationToken)
    {
        var unit = directory.Find(code)!; // the group's check has answered 404 for an unknown code
        var scorecard = await known.ScorecardAsync(unit.Code, period.Value, asOf.Value);
        var trend = await known.TrendAsync(unit.Code, period.Value, asOf.Value, cancellationToken);
        var request = ExportRequest.Normal(ScorecardPath(unit.Code), Parameters(period.Value, asOf, format, lang));
        var stamp = new ExportStamp(asOf.Value, RuleSet.Current, FiguresDigest.OfScorecard(unit.Code, period.Value, asOf.Value, RuleSet.Current, scorecard, trend), request);
        var file = ExportRenderer.Render(new ScorecardExport(unit, period.Value, lang.English, stamp, scorecard, trend), format.Value);
        KeyValuePair<string, long>[] rows =
            [new("groups", scorecard.Groups.Count), new("indicators", scorecard.Groups.Sum(g => g.Indicators.Count)), new("trendMonths", trend.Count)];
        var name = ExportFileNames.Scorecard(unit.Code, period.Value, lang.English, file.Extension);
        return await AnswerAsync(file, stamp, format, rows, name, manifests, time, response, cancellationToken);
    }

    private static async Task<Results<Ok<ManifestAnswer>, ProblemHttpResult>> GetManifest(
        string sha256, IExportManifestStore manifests, CancellationToken cancellationToken)
    {
        var hash = sha256.ToLowerInvariant();
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigit))
        {
            return TypedResults.Problem(
                $"'{Security.EchoedInput.Cut(sha256)}' is not a SHA-256 (64 hexadecimal digits): give the X-GovPulse-Manifest header's value or the file's SHA-256",
                statusCode: StatusCodes.Status400BadRequest);
        }

        return await manifests.FindAsync(hash, cancellationToken) is { } found
            ? TypedResults.Ok(ManifestAnswer.Of(found))
            : TypedResults.Problem($"no export has manifest or file SHA-256 {hash}", statusCode: StatusCodes.Status404NotFound);
    }

    private static IEnumerable<KeyValuePair<string, string>> Parameters(
        Period period, AsOfParameter asOf, ExportFormatParameter format, LanguageParameter lang, params (string Name, string Value)[] more)
    {
        yield return new("asOf", asOf.Stated);
        yield return new("format", format.Word);
        yield return new("lang", lang.Code);
        yield return new("period", period.Label);
        foreach (var (name, value) in more)
        {
            yield return new(name, value);
        }
    }

    private static async Task<FileContentHttpResult> AnswerAsync(
        RenderedFile file, ExportStamp stamp, ExportFormatParameter format, IReadOnlyList<KeyValuePair<string, long>> rows, string fileName,
        IExportManifestStore manifests, TimeProvider time, HttpResponse response, CancellationToken cancellationToken)
    {
        var manifest = new ExportManifest(
            stamp.Request, AsOfParameter.Format(stamp.AsOf), ExportManifest.CurrentCodeVersion, stamp.RuleSet, format.Word, rows,
            stamp.FiguresSha256, ExportManifest.Hex(file.Content), file.Content.LongLength);
        var json = manifest.ToCanonicalJson();
        var manifestSha256 = ExportManifest.Hex(json);

        // Stored before the file is answered: a file in someone's hands always has its manifest.
        await manifests.AddAsync(
            new StoredExportManifest(manifestSha256, manifest.Sha256, System.Text.Encoding.UTF8.GetString(json), time.GetUtcNow()), cancellationToken);

        response.Headers[AsOfParameter.Header] = manifest.AsOf;
        response.Headers[ManifestHeader] = manifestSha256;
        response.Headers.ContentDisposition = $"attachment; filename={fileName}";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Content, file.ContentType);
    }
}
