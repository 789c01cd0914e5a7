using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Dashboard.Apis;

/// <summary>Where a unit's live scorecard comes from: the pooling (city) grain for a province, a city or the nation, the unit's grain otherwise.</summary>
public static class LiveScorecards
{
    public static Task<Scorecard> GetAsync(IGrainFactory grains, UnitDirectory units, string code, Period period) =>
        units.Find(code) is { } unit && UnitDirectory.IsPooled(unit)
            ? grains.GetGrain<ICityGrain>(code).GetScorecard(period)
            : grains.GetGrain<IUnitGrain>(code).GetScorecard(period);
}
