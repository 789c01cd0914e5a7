using System.Collections.Immutable;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging;

namespace GovPulse.Grains;

/// <summary>
/// A unit's live figures. State is rebuilt from the ClickHouse event log on activation, so a
/// node can die at any time without losing anything that was acknowledged.
/// </summary>
public sealed partial class UnitGrain(
    IEventStore store,
    UnitDirectory units,
    IScorecardPublisher publisher,
    TimeProvider time,
    ILogger<UnitGrain> logger) : Grain, IUnitGrain
{
    private readonly DossierLedger _ledger = new();
    private readonly LivePushThrottle _throttle = new(LivePushThrottle.OncePerSecond);
    private Unit _unit = null!;
    private IGrainTimer? _delayedPush;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var code = this.GetPrimaryKeyString();
        _unit = units.Find(code) ?? throw new InvalidOperationException($"Unit '{code}' is not a known unit.");
        var replayed = 0;
        await foreach (var e in store.ReadUnitAsync(code, cancellationToken))
        {
            _ledger.Apply(e);
            replayed++;
        }

        LogRebuilt(code, replayed, _ledger.DossierCount);
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
            await ChangedAsync();
        }

        return new ApplyResult(changed, events.Length - changed);
    }

    public Task<Scorecard> GetScorecard(Period period) => Task.FromResult(ScorecardFor(period));

    public Task<ScorecardCounts> GetCounts(Period period) => Task.FromResult(_ledger.CountsFor(period));

    private Scorecard ScorecardFor(Period period) =>
        new(_unit.Code, _unit.Name, period.Label, period.EvaluationTime(time.GetUtcNow()), _ledger.CountsFor(period));

    private async Task ChangedAsync()
    {
        var now = time.GetUtcNow();
        var month = Period.MonthOf(now);
        GrainFactory.GetGrain<ICityGrain>(UnitDirectory.HoChiMinhCityCode)
            .Report(new UnitCountsReport(_unit.Code, now.UtcTicks, month, _ledger.CountsFor(month)))
            .Ignore();

        switch (_throttle.Changed(now))
        {
            case { } wait when wait == TimeSpan.Zero:
                await PushAsync();
                break;
            case { } wait:
                _delayedPush?.Dispose();
                _delayedPush = this.RegisterGrainTimer(
                    PushAsync, new GrainTimerCreationOptions(wait, Timeout.InfiniteTimeSpan) { Interleave = false });
                break;
        }
    }

    private async Task PushAsync()
    {
        _throttle.Pushed(time.GetUtcNow());
        try
        {
            await publisher.PublishAsync(ScorecardFor(Period.MonthOf(time.GetUtcNow())));
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
