using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// Where a unit's live scorecard comes from: the city grain for the city, the unit's grain otherwise —
/// except for a period that has ended, which the city answers from the unit reports it keeps (asking a
/// unit only when its log moved since), so looking at last month wakes no idle unit.
/// </summary>
public static class LiveScorecards
{
    public static Task<Scorecard> GetAsync(IGrainFactory grains, UnitDirectory units, string code, Period period) =>
        code == units.City.Code
            ? grains.GetGrain<ICityGrain>(code).GetScorecard(period)
            : grains.GetGrain<IUnitGrain>(code).GetScorecard(period);

    /// <summary>As the other overload, an ended period (on <paramref name="clock"/>) from what the city keeps.</summary>
    public static async Task<Scorecard> GetAsync(IGrainFactory grains, UnitDirectory units, string code, Period period, ScoringClock clock)
    {
        ArgumentNullException.ThrowIfNull(units);
        return code != units.City.Code && Ended(period, clock)
            ? (await City(grains, units).GetUnitScorecards(period, [code])).Value[0]
            : await GetAsync(grains, units, code, period);
    }

    /// <summary>The members' scorecards, in their order: an ended period from what the city keeps, any other from the units' grains.</summary>
    public static async Task<IReadOnlyList<Scorecard>> ManyAsync(IGrainFactory grains, UnitDirectory units, IReadOnlyList<Unit> members, Period period, ScoringClock clock)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(members);
        return Ended(period, clock)
            ? (await City(grains, units).GetUnitScorecards(period, members.Select(m => m.Code).ToList())).Value
            : await Task.WhenAll(members.Select(u => grains.GetGrain<IUnitGrain>(u.Code).GetScorecard(period)));
    }

    private static bool Ended(Period period, ScoringClock clock)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(clock);
        return period.End <= clock.Now;
    }

    private static ICityGrain City(IGrainFactory grains, UnitDirectory units)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(units);
        return grains.GetGrain<ICityGrain>(units.City.Code);
    }
}
