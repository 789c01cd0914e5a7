using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Grains;

/// <summary>
/// Ho Chi Minh City: pools the figures of all its units (its own desk, departments, communes)
/// by adding numerators and denominators. Keeps each unit's latest current-month report, so a
/// change costs one report, not 186 calls; any other period asks the units.
/// </summary>
public sealed class CityGrain(UnitDirectory units, BandThresholds bands, IScorecardPublisher publisher, ScoringClock clock) : Grain, ICityGrain
{
    private readonly Dictionary<string, UnitFiguresReport> _latest = new(StringComparer.Ordinal);
    private readonly LivePushThrottle _throttle = new(LivePushThrottle.OncePerSecond);
    private IGrainTimer? _delayedPush;

    public override Task OnActivateAsync(CancellationToken cancellationToken) => RefreshAsync(Period.MonthOf(clock.Now));

    public async Task Report(UnitFiguresReport report)
    {
        if (_latest.TryGetValue(report.UnitCode, out var known) && known.Version >= report.Version)
        {
            return;
        }

        _latest[report.UnitCode] = report;
        switch (_throttle.Changed(clock.Now))
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
        IEnumerable<(string Code, UnitFigures Figures)> figures;
        if (period == Period.MonthOf(clock.Now))
        {
            // A new month, or units never heard of: ask them once, then live on their reports.
            if (units.All.Any(u => !_latest.TryGetValue(u.Code, out var r) || r.Period != period))
            {
                await RefreshAsync(period);
            }

            figures = _latest.Values.Select(r => (r.UnitCode, r.Figures));
        }
        else
        {
            figures = await AskUnitsAsync(period);
        }

        return Pooled(period, figures.ToList());
    }

    private Scorecard Pooled(Period period, List<(string Code, UnitFigures Figures)> figures)
    {
        var own = figures.FirstOrDefault(f => f.Code == units.City.Code).Figures ?? UnitFigures.Empty;
        var pooled = UnitEvaluation.Pool(figures.Select(f => f.Figures), own);
        return UnitEvaluation.Scorecard(units.City, period.Label, period.EvaluationTime(clock.Now), pooled, bands);
    }

    private async Task RefreshAsync(Period month)
    {
        var version = clock.Now.UtcTicks;
        foreach (var (code, figures) in await AskUnitsAsync(month))
        {
            if (!_latest.TryGetValue(code, out var reported) || reported.Version < version || reported.Period != month)
            {
                _latest[code] = new UnitFiguresReport(code, version, month, figures);
            }
        }
    }

    private async Task<IEnumerable<(string Code, UnitFigures Figures)>> AskUnitsAsync(Period period)
    {
        var figures = await Task.WhenAll(units.All.Select(u => GrainFactory.GetGrain<IUnitGrain>(u.Code).GetFigures(period)));
        return units.All.Select((u, i) => (u.Code, figures[i]));
    }

    private async Task PushAsync()
    {
        var now = clock.Now;
        _throttle.Pushed(now);
        await publisher.PublishAsync(await GetScorecard(Period.MonthOf(now)));
    }
}
