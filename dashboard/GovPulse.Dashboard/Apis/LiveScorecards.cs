using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// Where a unit's live scorecard comes from: the pooling grain for a province, a city or the nation,
/// the unit's grain otherwise — except for a period that has ended, which the unit's pooling grain
/// answers from the unit reports it keeps (asking a unit only when its log moved since), so looking at
/// last month wakes no idle unit.
/// </summary>
public static class LiveScorecards
{
    public static Task<Scorecard> GetAsync(IGrainFactory grains, UnitDirectory units, string code, Period period) =>
        units.Find(code) is { } unit && UnitDirectory.IsPooled(unit)
            ? grains.GetGrain<ICityGrain>(code).GetScorecard(period)
            : grains.GetGrain<IUnitGrain>(code).GetScorecard(period);

    /// <summary>As the other overload, an ended period (on <paramref name="clock"/>) from what the unit's pooling grain keeps.</summary>
    public static async Task<Scorecard> GetAsync(IGrainFactory grains, UnitDirectory units, string code, Period period, ScoringClock clock)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(units);
        return Ended(period, clock) && units.Find(code) is { } unit && !UnitDirectory.IsPooled(unit)
            ? (await grains.GetGrain<ICityGrain>(units.PoolCodeOf(unit)).GetUnitScorecards(period, [code])).Value[0]
            : await GetAsync(grains, units, code, period);
    }

    /// <summary>
    /// The members' scorecards, in their order: an ended period from what each member's pooling grain
    /// keeps (one call per province), any other from the units' grains; pooled members (provinces) from their own grains.
    /// </summary>
    public static async Task<IReadOnlyList<Scorecard>> ManyAsync(IGrainFactory grains, UnitDirectory units, IReadOnlyList<Unit> members, Period period, ScoringClock clock)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(members);
        if (!Ended(period, clock))
        {
            return await Task.WhenAll(members.Select(u => GetAsync(grains, units, u.Code, period)));
        }

        var answer = new Scorecard[members.Count];
        var pooled = Enumerable.Range(0, members.Count).Where(i => UnitDirectory.IsPooled(members[i])).ToList();
        var byPool = Enumerable.Range(0, members.Count).Where(i => !UnitDirectory.IsPooled(members[i])).GroupBy(i => units.PoolCodeOf(members[i]));
        await Task.WhenAll(
            pooled.Select(async i => answer[i] = await GetAsync(grains, units, members[i].Code, period))
                .Concat(byPool.Select(async group =>
                {
                    var indexes = group.ToList();
                    var kept = (await grains.GetGrain<ICityGrain>(group.Key).GetUnitScorecards(period, [.. indexes.Select(i => members[i].Code)])).Value;
                    for (var j = 0; j < indexes.Count; j++)
                    {
                        answer[indexes[j]] = kept[j];
                    }
                })));
        return answer;
    }

    private static bool Ended(Period period, ScoringClock clock)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(clock);
        return period.End <= clock.Now;
    }
}
