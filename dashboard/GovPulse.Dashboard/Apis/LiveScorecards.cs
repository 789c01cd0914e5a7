using GovPulse.Grains;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Dashboard.Apis;

/// <summary>Where a unit's live scorecard comes from: the city grain for the city, the unit's grain otherwise.</summary>
public static class LiveScorecards
{
    public static Task<Scorecard> GetAsync(IGrainFactory grains, UnitDirectory units, string code, Period period) =>
        code == units.City.Code
            ? grains.GetGrain<ICityGrain>(code).GetScorecard(period)
            : grains.GetGrain<IUnitGrain>(code).GetScorecard(period);
}
