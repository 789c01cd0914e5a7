using System.Collections.Immutable;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging;

namespace GovPulse.Grains;

/// <summary>
/// A unit's live Decision 766 figures. State is rebuilt from the ClickHouse event log on
/// activation, so a node can die at any time without losing anything that was acknowledged.
/// The unit also watches the clock: when an open dossier reaches its due time the figures
/// change with no event, and the grain re-scores and pushes at that moment.
/// </summary>
public sealed partial class UnitGrain(
    IEventStore store,
    UnitDirectory units,
    ProcedureCatalog catalog,
    WorkingDayCalendar calendar,
    BandThresholds bands,
    IScorecardPublisher publisher,
    ScoringClock clock,
    GovPulseMetrics metrics,
    ILogger<UnitGrain> logger) : Grain, IUnitGrain
{
    private readonly UnitLedger _ledger = new(calendar);
    private readonly LivePushThrottle _throttle = new(LivePushThrottle.OncePerSecond);
    private Unit _unit = null!;
    private ProcedureLevel _level;
    private IGrainTimer? _delayedPush;
    private ITimer? _dueTimer;
    private DateTimeOffset? _nextDue;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var code = this.GetPrimaryKeyString();
        _unit = units.Find(code) ?? throw new InvalidOperationException($"Unit '{code}' is not a known unit.");
        _level = UnitEvaluation.LevelOf(_unit.Kind);
        var replayed = 0;
        await foreach (var e in store.ReadUnitAsync(code, cancellationToken))
        {
            _ledger.Apply(e);
            replayed++;
        }

        WatchNextDue();
        metrics.ActiveUnits.Add(1);
        LogRebuilt(code, replayed, _ledger.DossierCount);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _dueTimer?.Dispose();
        metrics.ActiveUnits.Add(-1);
        return Task.CompletedTask;
    }

    public async Task<ApplyResult> Apply(ImmutableArray<UnitEvent> events)
    {
        var changed = 0;
        foreach (var e in events)
        {
            if (e.UnitCode == _unit.Code && _ledger.Apply(e))
            {
                changed++;
            }
        }

        if (changed > 0)
        {
            metrics.EventsApplied.Add(changed);
            await ChangedAsync();
            WatchNextDue();
        }

        return new ApplyResult(changed, events.Length - changed);
    }

    public Task<Scorecard> GetScorecard(Period period) => Task.FromResult(ScorecardFor(period));

    public Task<UnitFigures> GetFigures(Period period) => Task.FromResult(FiguresFor(period));

    public async Task CheckClock()
    {
        if (_nextDue is { } due && clock.Now >= due)
        {
            _nextDue = null;
            await ChangedAsync();
        }

        WatchNextDue();
    }

    private UnitFigures FiguresFor(Period period)
    {
        var evaluatedAt = period.EvaluationTime(clock.Now);
        return UnitEvaluation.Figures(
            _ledger.Tally(period, evaluatedAt),
            CatalogTally.For(catalog, _level, period, calendar));
    }

    private Scorecard ScorecardFor(Period period) =>
        UnitEvaluation.Scorecard(_unit, period.Label, period.EvaluationTime(clock.Now), FiguresFor(period), bands);

    /// <summary>Sets the scoring clock to wake this grain when the next open dossier turns overdue.</summary>
    private void WatchNextDue()
    {
        var next = _ledger.NextTurnOverdue(clock.Now);
        if (next == _nextDue && _dueTimer is not null)
        {
            return;
        }

        _dueTimer?.Dispose();
        _dueTimer = null;
        _nextDue = next;
        if (next is { } due)
        {
            // The callback runs outside the grain's turn, so it calls the grain like any client would.
            var self = this.AsReference<IUnitGrain>();
            var wait = due - clock.Now;
            _dueTimer = clock.Time.CreateTimer(_ => self.CheckClock().Ignore(), null, wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ChangedAsync()
    {
        var now = clock.Now;
        var month = Period.MonthOf(now);
        GrainFactory.GetGrain<ICityGrain>(UnitDirectory.HoChiMinhCityCode)
            .Report(new UnitFiguresReport(_unit.Code, now.UtcTicks, month, FiguresFor(month)))
            .Ignore();

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

    private async Task PushAsync()
    {
        _throttle.Pushed(clock.Now);
        try
        {
            await publisher.PublishAsync(ScorecardFor(Period.MonthOf(clock.Now)));
        }
#pragma warning disable CA1031 // A viewer-side failure must never fail an ingest.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPushFailed(ex, _unit.Code);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unit {Unit} rebuilt from {Events} events ({Dossiers} dossiers)")]
    private partial void LogRebuilt(string unit, int events, int dossiers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live push of unit {Unit} failed")]
    private partial void LogPushFailed(Exception exception, string unit);
}
