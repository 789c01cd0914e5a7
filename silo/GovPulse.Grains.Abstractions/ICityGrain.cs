using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using Orleans.Concurrency;

namespace GovPulse.Grains;

/// <summary>
/// The city (key <c>79</c>): pools its units' figures. Units report their current-month figures
/// when they change, so the city never re-reads every unit on a change.
/// </summary>
[Alias("govpulse.city")]
public interface ICityGrain : IGrainWithStringKey
{
    [Alias("report"), OneWay]
    Task Report(UnitFiguresReport report);

    [Alias("scorecard")]
    Task<Scorecard> GetScorecard(Period period);
}
