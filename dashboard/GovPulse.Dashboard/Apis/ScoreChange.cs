using GovPulse.Indicators.Scoring;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// How far one scorecard is above (+) or below (−) another: <c>{ total, groups: { "PROGRESS": 0.42, … } }</c>.
/// <c>total</c> is null when either side received no dossier: its score would say nothing about service.
/// </summary>
public sealed record ScoreChange(decimal? Total, IReadOnlyDictionary<string, decimal> Groups)
{
    public static ScoreChange Between(Scorecard scorecard, Scorecard other)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(other);
        var comparable = scorecard.Counts.Received > 0 && other.Counts.Received > 0;
        decimal? total = comparable && scorecard.Total is { } a && other.Total is { } b ? a - b : null;
        var theirs = other.Groups.ToDictionary(g => g.Code, g => g.Score);
        var groups = comparable
            ? scorecard.Groups.Where(g => theirs.ContainsKey(g.Code)).ToDictionary(g => g.Code.ToString(), g => g.Score - theirs[g.Code])
            : [];
        return new ScoreChange(total, groups);
    }
}
