using GovPulse.Indicators.Scoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// <c>POST /api/v1/score</c>: a scorecard from counts alone — for what-if questions and for
/// auditors checking GovPulse against the national portal's published numerators and denominators.
/// </summary>
public static class ScoreApi
{
    public static RouteGroupBuilder MapScoreApi(this RouteGroupBuilder api)
    {
        api.MapPost("/score", Score).DisableAntiforgery()
            .WithName("ScoreCounts")
            .WithSummary("A scorecard from numerators and denominators alone (what-if questions, checks against the national portal)")
            .WithTags("Scoring");
        return api;
    }

    private static Results<Ok<ScoreResponse>, ProblemHttpResult> Score(ScoreRequest request, BandThresholds bands)
    {
        if (request?.Indicators is null)
        {
            return TypedResults.Problem("the body must be { \"indicators\": [ { \"code\", \"numerator\", \"denominator\" } ] }", statusCode: StatusCodes.Status400BadRequest);
        }

        var inputs = new List<IndicatorInput>();
        foreach (var (item, index) in request.Indicators.Select((item, i) => (item, i + 1)))
        {
            if (!IndicatorCatalog.TryParse(item?.Code, out var code))
            {
                return TypedResults.Problem(
                    $"indicator {index}: code '{item?.Code}' is not a Decision 766 indicator ({string.Join(", ", IndicatorCatalog.Indicators.Select(d => d.Code))})",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            if (item!.Numerator < 0 || item.Denominator < 0)
            {
                return TypedResults.Problem($"indicator {index} ({code}): numerator and denominator cannot be negative", statusCode: StatusCodes.Status400BadRequest);
            }

            inputs.Add(new IndicatorInput(code, item.Numerator, item.Denominator));
        }

        var duplicate = inputs.GroupBy(i => i.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return TypedResults.Problem($"indicator {duplicate.Key} is given {duplicate.Count()} times; give each once", statusCode: StatusCodes.Status400BadRequest);
        }

        var score = ScorecardScoring.Score(inputs, bands);
        return TypedResults.Ok(new ScoreResponse(score.Total, score.Band.Vietnamese, score.Groups, score.Missing));
    }
}

public sealed record ScoreRequest(IReadOnlyList<ScoreRequestItem>? Indicators);

public sealed record ScoreRequestItem(string? Code, decimal? Numerator, decimal? Denominator);

/// <summary>The scorecard of POST /score: the same total, band and groups as a unit's scorecard, plus the indicators it had to score as 0.</summary>
public sealed record ScoreResponse(decimal Total, string Band, IReadOnlyList<GroupScore> Groups, IReadOnlyList<IndicatorCode> Missing);
