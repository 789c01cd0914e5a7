using System.Diagnostics;
using GovPulse.Grains.Ledger;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Silo;

/// <summary>
/// Reads every unit's start (<see cref="UnitStartPreload"/>) as the node starts, when this node is
/// its log's sole writer (the embedded engine); starts not taken are dropped <see cref="KeepFor"/> later.
/// A failed read is logged and changes nothing: each unit then reads its own.
/// </summary>
/// <remarks>
/// The host begins the read (<see cref="Begin"/>) as soon as the services are built, so the engine's
/// boot and its queries run on the second core while the endpoints are mapped, the other services
/// made, the silo and the web host started; a unit activating before the read ends waits for it
/// (<see cref="UnitStartPreload.TakeAsync"/>). Nothing waits for it otherwise: a cold start ~1 s sooner
/// on two cores (docs/benchmarks.md, "Sixth pass: cold start").
/// </remarks>
public sealed partial class UnitStartPreloading(
    ClickHouseDatabase database,
    UnitDirectory units,
    IEventStore store,
    IUnitSnapshotStore snapshots,
    ISealedMonthStore sealedMonths,
    IQuarantineStore quarantine,
    UnitStartPreload preload,
    TimeProvider time,
    ILogger<UnitStartPreloading> logger) : IHostedService, IDisposable
{
    /// <summary>Events read ahead after the segments, all units together: a planned restart leaves none, a crash after a busy hour many.</summary>
    public const long MaxTailEvents = 200_000;

    /// <summary>How long starts wait for their units: the city grain activates every unit within seconds of the start.</summary>
    public static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task? _reading;
    private ITimer? _forget;

    /// <summary>Begins the read (once; later calls return the same task, which never faults): the engine starts if it has not yet.</summary>
    public Task Begin()
    {
        lock (_gate)
        {
            if (_reading is null)
            {
                _reading = Task.Run(ReadAsync);
                preload.Expect(_reading);
            }

            return _reading;
        }
    }

    /// <summary>Begins the read if the host has not: before the silo's hosted service, so no unit can activate before the read is expected.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Begin();
        return Task.CompletedTask;
    }

    private async Task ReadAsync()
    {
        if (!database.IsEmbedded || database.OthersMayWrite)
        {
            return;
        }

        var cancellationToken = _stopping.Token;
        try
        {
            await database.GetClientAsync().WaitAsync(cancellationToken);
        }
#pragma warning disable CA1031 // An engine that does not start is ClickHouseStartup's to report: it fails the node's start.
        catch (Exception)
#pragma warning restore CA1031
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var starts = await UnitStartPreload.ReadAsync(units, store, snapshots, sealedMonths, quarantine, MaxTailEvents, cancellationToken);
            preload.Hold(starts, () => !database.OthersMayWrite);
            LogRead(
                starts.Count,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                starts.Values.Count(s => s.Latest is not null),
                starts.Values.Sum(s => s.SealedMonths.Count),
                starts.Values.Sum(s => s.Tail?.Count ?? 0),
                starts.Values.Count(s => s.Tail is null));
        }
#pragma warning disable CA1031 // Reading ahead only saves time: whatever fails, every unit can still read its own start.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                LogFailed(ex);
            }

            return;
        }

        _forget = time.CreateTimer(_ => Forget(), null, KeepFor, Timeout.InfiniteTimeSpan);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _forget?.Dispose();
        preload.Forget();
    }

    /// <summary>Idempotent: the container disposes the instance both as itself and as a hosted service.</summary>
    public void Dispose()
    {
        _stopping.Dispose();
        _forget?.Dispose();
    }

    private void Forget()
    {
        if (preload.Forget() is var left and > 0)
        {
            LogForgot(left);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Read ahead what {Units} units need to start in {Milliseconds} ms: {Segments} live segments, {SealedMonths} sealed months, {TailEvents} events after them ({Unread} units with longer tails read their own)")]
    private partial void LogRead(int units, long milliseconds, int segments, int sealedMonths, int tailEvents, int unread);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read ahead the units' starts; each unit reads its own when it activates")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped the starts of {Units} units that did not activate")]
    private partial void LogForgot(int units);
}
