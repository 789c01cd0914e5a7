using BenchmarkDotNet.Attributes;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Storage;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Benchmarks;

/// <summary>
/// Rebuilding a unit of 200,000 dossiers when its grain activates, through the real embedded
/// ClickHouse and driver, the way <c>UnitGrain.OnActivateAsync</c> does it: from its latest snapshot
/// plus the tail of events ingested after it, and (for comparison) by replaying every event.
/// </summary>
[Config(typeof(RebuildConfig))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet disposes it in the [GlobalCleanup].")]
public class RebuildBenchmarks
{
    private const int TailEvents = 2_000;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "govpulse-bench-rebuild-" + Environment.ProcessId);
    private ClickHouseDatabase _database = null!;
    private EventStore _events = null!;
    private UnitSnapshotStore _snapshots = null!;
    private byte[] _snapshotBytes = [];
    private UnitLedger _built = null!;
    private UnitLedger _live = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        // 200,000 dossiers over the working days of 2026 up to mid-October: about 1,000 a day, three times the busiest ward's.
        var workload = UnitWorkload.Create(200_000, new DateOnly(2026, 1, 5), Workloads.Now);
        var happened = workload.HappenedByNow();
        var later = workload.Events.Where(e => e.OccurredAt > Workloads.Now).Take(TailEvents).ToList();
        _database = new ClickHouseDatabase(
            Options.Create(new ClickHouseOptions { Database = "bench_rebuild" }),
            Options.Create(new StorageOptions { DataDirectory = _directory }),
            NullLoggerFactory.Instance);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 15, 3, 0, 0, TimeSpan.Zero));
        _events = new EventStore(_database, clock);
        _snapshots = new UnitSnapshotStore(_database);
        var position = 0L;
        foreach (var batch in happened.Chunk(50_000))
        {
            await _events.AppendAsync(LoggedEvent.After(position, batch));
            position += batch.Length;
        }

        clock.Advance(TimeSpan.FromMinutes(1));
        var ledger = UnitWorkload.BuildLedger(happened);
        using var state = new MemoryStream();
        ledger.WriteLive(state);
        _snapshotBytes = state.ToArray();
        _live = ledger;
        await _snapshots.SaveAsync(new UnitSnapshot(UnitWorkload.UnitCode, UnitLedger.SegmentFormat, position, position, clock.GetUtcNow(), ledger.DossierCount, ledger.PetitionCount, _snapshotBytes));
        clock.Advance(TimeSpan.FromMinutes(1));
        await _events.AppendAsync(LoggedEvent.After(position, later));
        Console.WriteLine($"// {ledger.DossierCount:N0} dossiers, {happened.Count:N0} events + a tail of {later.Count:N0}; snapshot {_snapshotBytes.Length:N0} bytes");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [IterationCleanup]
    public void Drop()
    {
        _built = null!;
        GC.Collect();
    }

    /// <summary>What activation does: read the snapshot, restore the ledger, replay the tail.</summary>
    [Benchmark]
    public async Task<int> Rebuild_from_snapshot_and_tail()
    {
        var snapshot = await _snapshots.FindLatestAsync(UnitWorkload.UnitCode, UnitLedger.SegmentFormat)
            ?? throw new InvalidOperationException("The set-up saved no snapshot.");
        _built = UnitLedger.FromSegments(new MemoryStream(snapshot.State.ToArray(), writable: false), [], WorkingDayCalendar.Vietnam);
        await foreach (var e in _events.ReadUnitTailAsync(UnitWorkload.UnitCode, snapshot.Position))
        {
            _built.Apply(e.Event);
        }

        return _built.DossierCount;
    }

    /// <summary>Without a snapshot: read and apply every event of the unit.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> Rebuild_by_full_replay()
    {
        _built = new UnitLedger(WorkingDayCalendar.Vietnam);
        await foreach (var e in _events.ReadUnitAsync(UnitWorkload.UnitCode))
        {
            _built.Apply(e.Event);
        }

        return _built.DossierCount;
    }

    /// <summary>The domain part alone: the ledger restored from the snapshot's bytes, no ClickHouse.</summary>
    [Benchmark]
    public int Restore_ledger_from_snapshot_bytes()
    {
        _built = UnitLedger.FromSegments(new MemoryStream(_snapshotBytes, writable: false), [], WorkingDayCalendar.Vietnam);
        return _built.DossierCount;
    }

    /// <summary>What saving costs the grain's turn: writing the ledger's facts.</summary>
    [Benchmark]
    public long Write_snapshot()
    {
        using var state = new MemoryStream();
        _live.WriteLive(state);
        return state.Length;
    }
}
