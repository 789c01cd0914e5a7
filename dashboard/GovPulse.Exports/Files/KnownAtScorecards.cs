using GovPulse.Grains;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Exports.Files;

/// <summary>
/// Scorecards as known at an instant, for exports: only from the known-at grain (never the live unit
/// grains), so a file and the explained numbers at the same asOf agree, and the same asOf later gives
/// the same figures whatever was stored since.
/// </summary>
public sealed class KnownAtScorecards(IGrainFactory grains, UnitDirectory units, BandThresholds bands)
{
    /// <summary>How many units are asked for at once: enough to hide the round trips, few enough to leave the silo room.</summary>
    internal const int Parallelism = 16;

    /// <summary>Every unit of the level as known at <paramref name="asOf"/>, ranked (units without dossiers after the ranked ones, unranked).</summary>
    public async Task<IReadOnlyList<RankedUnit<Scorecard>>> RankingAsync(UnitKind level, Period period, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var known = await grains.GetGrain<IKnownAtGrain>(0).GetLevelFigures(level, period, asOf);
        var scorecards = known.Select(k => ScorecardOf(units.Find(k.UnitCode)!, period, k)).ToList();
        return Ranking.Rank(scorecards, RankingKey.Of);
    }

    /// <summary>The unit's (or the city's pooled) scorecard for the period as known at <paramref name="asOf"/>.</summary>
    public Task<Scorecard> ScorecardAsync(string unitCode, Period period, DateTimeOffset asOf) =>
        ScorecardAsync(units.Find(unitCode) ?? throw new ArgumentException($"unit '{unitCode}' is not known", nameof(unitCode)), period, asOf);

    /// <summary>The 12 months ending with the period's last month, oldest first, each as known at <paramref name="asOf"/>.</summary>
    public async Task<IReadOnlyList<Scorecard>> TrendAsync(string unitCode, Period period, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        var last = Period.Month(period.LastDay.Year, period.LastDay.Month);
        var months = Enumerable.Range(0, 12).Select(back => Period.Month(last.FirstDay.AddMonths(back - 11).Year, last.FirstDay.AddMonths(back - 11).Month)).ToArray();
        var trend = new Scorecard[months.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, months.Length),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, _) => trend[i] = await ScorecardAsync(unitCode, months[i], asOf));
        return trend;
    }

    private async Task<Scorecard> ScorecardAsync(Unit unit, Period period, DateTimeOffset asOf)
    {
        var known = await grains.GetGrain<IKnownAtGrain>(0).GetFigures(unit.Code, period, asOf);
        return ScorecardOf(unit, period, known);
    }

    private Scorecard ScorecardOf(Unit unit, Period period, KnownAtFigures known) =>
        UnitEvaluation.Scorecard(unit, period.Label, known.EvaluatedAt, known.Figures, bands) with { Version = known.Position };
}
