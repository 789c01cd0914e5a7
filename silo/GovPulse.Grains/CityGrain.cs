using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Grains;

/// <summary>
/// Ho Chi Minh City: pools the counts of all its units (its own desk, departments, communes).
/// Keeps each unit's latest current-month report so a change costs one addition, not 185 calls;
/// a scorecard for any other period asks the units.
/// </summary>
public sealed class CityGrain(UnitDirectory units, IScorecardPublisher publisher, TimeProvider time) : Grain, ICityGrain
{
    private readonly Dictionary<string, UnitCountsReport> _latest = new(StringComparer.Ordinal);
    private readonly LivePushThrottle _throttle = new(LivePushThrottle.OncePerSecond);
    private IGrainTimer? _delayedPush;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var month = Period.MonthOf(time.GetUtcNow());
        var version = time.GetUtcNow().UtcTicks;
        var counts = await Task.WhenAll(units.All.Select(u => GrainFactory.GetGrain<IUnitGrain>(u.Code).GetCounts(month)));
        for (var i = 0; i < units.All.Count; i++)
        {
            var code = units.All[i].Code;
            if (!_latest.TryGetValue(code, out var reported) || reported.Version < version)
            {
                _latest[code] = new UnitCountsReport(code, version, month, counts[i]);
            }
        }
    }

    public async Task Report(UnitCountsReport report)
    {
        if (_latest.TryGetValue(report.UnitCode, out var known) && known.Version >= report.Version)
        {
            return;
        }

        _latest[report.UnitCode] = report;
        var now = time.GetUtcNow();
        switch (_throttle.Changed(now))
        {
            case { } wait when wait == TimeSpan.Zero:
                await PushAsync();
                break;
            case { } wait:
                _delayedPush?.Dispose();
                _delayedPush = this.RegisterGrainTimer(PushAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan));
                break;
        }
    }

    public async Task<Scorecard> GetScorecard(Period period)
    {
        var counts = period == Period.MonthOf(time.GetUtcNow())
            ? CurrentMonthCounts(period)
            : (await Task.WhenAll(units.All.Select(u => GrainFactory.GetGrain<IUnitGrain>(u.Code).GetCounts(period))))
                .Aggregate(ScorecardCounts.Zero, (sum, c) => sum + c);
        return new Scorecard(units.City.Code, units.City.Name, period.Label, period.EvaluationTime(time.GetUtcNow()), counts);
    }

    private ScorecardCounts CurrentMonthCounts(Period month) =>
        _latest.Values.Where(r => r.Period == month).Aggregate(ScorecardCounts.Zero, (sum, r) => sum + r.Counts);

    private async Task PushAsync()
    {
        var now = time.GetUtcNow();
        _throttle.Pushed(now);
        await publisher.PublishAsync(await GetScorecard(Period.MonthOf(now)));
    }
}
