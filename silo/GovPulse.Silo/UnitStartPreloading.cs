using System.Diagnostics;
using GovPulse.Grains.Ledger;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Silo;

/// <summary>
/// Reads every unit's start (<see cref="UnitStartPreload"/>) after ClickHouse is up and before the silo
/// starts, when this node is its log's sole writer (the embedded engine); starts not taken are dropped
/// <see cref="KeepFor"/> later. A failed read is logged and changes nothing: each unit then reads its own.
/// </summary>
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

    private ITimer? _forget;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!database.IsEmbedded || database.OthersMayWrite)
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
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            LogFailed(ex);
            return;
        }

        _forget = time.CreateTimer(_ => Forget(), null, KeepFor, Timeout.InfiniteTimeSpan);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _forget?.Dispose();
        preload.Forget();
        return Task.CompletedTask;
    }

    public void Dispose() => _forget?.Dispose();

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
