using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Grains;

/// <summary>
/// Ho Chi Minh City: pools the figures of all its units (its own desk, departments, communes)
/// by adding numerators and denominators. Keeps each unit's latest current-month report, so a
/// change costs one report, not 186 calls; any other period asks the units. Reports are ordered by
/// the unit's log position, never by a clock, and the city asks every unit again on activation and
/// every <see cref="CityOptions.ReconcileInterval"/>, so a report lost on the way heals.
/// Keyed by a province's code it pools that province's units; keyed by the nation's, every unit
/// (no unit reports to the nation: its current month moves at each reconciliation).
/// </summary>
public sealed partial class CityGrain(
    UnitDirectory units,
    BandThresholds bands,
    IScorecardPublisher publisher,
    ScoringClock clock,
    IOptions<CityOptions> options,
    ILogger<CityGrain> logger) : Grain, ICityGrain
{
    private readonly Dictionary<string, UnitFiguresReport> _latest = new(StringComparer.Ordinal);
    private readonly LivePushThrottle _throttle = new(LivePushThrottle.OncePerSecond);
    private IGrainTimer? _delayedPush;

    /// <summary>The unit this grain pools: its key's (the deployment's province for an unknown key).</summary>
    private Unit Pooling => units.Find(this.GetPrimaryKeyString()) ?? units.City;

    private IReadOnlyList<Unit> Members => units.MembersOf(Pooling.Code);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ReconcileAsync(Period.MonthOf(clock.Now));
        var every = options.Value.ReconcileInterval;
        this.RegisterGrainTimer(Reconcile, new GrainTimerCreationOptions(every, every));
    }

    public async Task Report(UnitFiguresReport report)
    {
        if (Keep(report))
        {
            await ChangedAsync();
        }
    }

    public async Task Reconcile()
    {
        if (await ReconcileAsync(Period.MonthOf(clock.Now)) > 0)
        {
            await ChangedAsync();
        }
    }

    public async Task<Scorecard> GetScorecard(Period period)
    {
        IReadOnlyCollection<UnitFiguresReport> reports;
        if (period == Period.MonthOf(clock.Now))
        {
            // A new month, or units never heard of: ask them once, then live on their reports.
            if (Members.Any(u => !_latest.TryGetValue(u.Code, out var r) || r.Period != period))
            {
                await ReconcileAsync(period);
            }

            reports = _latest.Values;
        }
        else
        {
            reports = await AskUnitsAsync(period);
        }

        return Pooled(period, reports);
    }

    /// <summary>
    /// Keeps <paramref name="report"/> when it is of the city's current month and newer than the one
    /// held: a higher log position, or the same position judged later (a due time passed). A report of
    /// another month (late, or from a node whose clock is ahead) waits for the next reconciliation.
    /// Returns whether the city's figures or version moved (a report judged later with the same
    /// figures is kept, but is nothing to push).
    /// </summary>
    private bool Keep(UnitFiguresReport report)
    {
        var month = Period.MonthOf(clock.Now);
        var known = _latest.GetValueOrDefault(report.UnitCode);
        if (known?.Period != month)
        {
            known = null;
        }

        if (report.Period != month || (known is not null && !report.Supersedes(known)))
        {
            return false;
        }

        _latest[report.UnitCode] = report;
        return known is null || known.Position != report.Position || !SameFigures(known.Figures, report.Figures);
    }

    private static bool SameFigures(UnitFigures a, UnitFigures b) => a.Counts == b.Counts && a.Inputs.SequenceEqual(b.Inputs);

    /// <summary>The city's version: the sum of the positions of the reports it pools, so it grows with any unit's.</summary>
    private Scorecard Pooled(Period period, IReadOnlyCollection<UnitFiguresReport> reports)
    {
        var byCode = reports.ToDictionary(r => r.UnitCode, r => r.Figures, StringComparer.Ordinal);
        var pooled = PooledFigures.Of(units, Pooling, byCode.GetValueOrDefault);
        return UnitEvaluation.Scorecard(Pooling, period.Label, period.EvaluationTime(clock.Now), pooled, bands)
            with { Version = reports.Sum(r => r.Position) };
    }

    /// <summary>Asks every unit for its report of <paramref name="month"/>; returns how many moved the city's figures.</summary>
    private async Task<int> ReconcileAsync(Period month)
    {
        var kept = 0;
        foreach (var report in await AskUnitsAsync(month))
        {
            if (Keep(report))
            {
                kept++;
            }
        }

        return kept;
    }

    private async Task<UnitFiguresReport[]> AskUnitsAsync(Period period) =>
        await Task.WhenAll(Members.Select(u => GrainFactory.GetGrain<IUnitGrain>(u.Code).GetReport(period)));

    private async Task ChangedAsync() =>
        _delayedPush = await _throttle.ChangedAsync(this, _delayedPush, clock.Now, PushAsync);

    private async Task PushAsync()
    {
        try
        {
            var now = clock.Now;
            await _throttle.PushAsync(now, publisher, () => GetScorecard(Period.MonthOf(now)));
        }
#pragma warning disable CA1031 // A viewer-side failure must never fail a unit's report.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPushFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live push of the city failed")]
    private partial void LogPushFailed(Exception exception);
}
