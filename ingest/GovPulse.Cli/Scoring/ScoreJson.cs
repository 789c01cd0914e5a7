using System.Text.Json;
using System.Text.Json.Serialization;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Cli.Scoring;

/// <summary>
/// The answer of <c>POST /api/v1/score</c> — <c>{ total, band, groups, missing }</c> — written as the
/// node writes it (camelCase, codes as names), so <c>govpulse score --json</c> and the API agree.
/// </summary>
public static class ScoreJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write(ScorecardScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return JsonSerializer.Serialize(new ScoreAnswer(score.Total, score.Band.Vietnamese, score.Groups, score.Missing), Options);
    }

    private sealed record ScoreAnswer(decimal Total, string Band, IReadOnlyList<GroupScore> Groups, IReadOnlyList<IndicatorCode> Missing);
}
