using System.Collections.Concurrent;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Grains.Ledger;

/// <summary>
/// Every unit's <see cref="UnitStart"/>, read in five queries while the node starts, before any grain
/// can activate: after a restart the city's 186 unit grains (the country's 3,400) would each ask
/// ClickHouse five questions at once, and the engine's per-query cost, not the data, is what made a
/// cold start take half a minute. Each unit takes its start once, at its first activation; a later
/// activation reads ClickHouse as always.
/// </summary>
/// <remarks>
/// The read runs while the rest of the node starts (the silo and the web host do not wait for it): a
/// unit that activates before it ends waits for it (<see cref="TakeAsync"/>).
/// Only a node that is its log's sole writer (the embedded engine, nobody else writing through its
/// endpoint) reads ahead: then nothing can be stored for a unit between the read and the unit's first
/// activation, since only that activation stores its events. Once anyone else may have written, the
/// starts are dropped. Starts not taken are dropped by <see cref="Forget"/> (the host does so a few
/// minutes after start), so units that stay idle do not hold their segments in memory.
/// </remarks>
public sealed class UnitStartPreload
{
    private ConcurrentDictionary<string, UnitStart> _starts = new(StringComparer.Ordinal);
    private Func<bool> _stillValid = static () => false;
    private Task _reading = Task.CompletedTask;
    private int _waiting;

    /// <summary>Starts held and not taken yet.</summary>
    public int Count => _starts.Count;

    /// <summary>Activations waiting for the read to end.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// A read under way that will <see cref="Hold"/> the starts (or hold nothing when it fails; it never
    /// faults): units activating before it ends wait for it instead of reading their own.
    /// </summary>
    public void Expect(Task reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        Volatile.Write(ref _reading, reading); // set by the host's thread, read by grains' threads
    }

    /// <summary>
    /// Reads every unit's start: the latest live segments, the log's rows around them, the sealed months
    /// they name, the quarantined ids, and the tails after the segments as long as they add up to at
    /// most <paramref name="maxTailEvents"/> events (shortest first; a unit past that reads its own).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, UnitStart>> ReadAsync(
        UnitDirectory units,
        IEventStore store,
        IUnitSnapshotStore snapshots,
        ISealedMonthStore sealedMonths,
        IQuarantineStore quarantine,
        long maxTailEvents,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(sealedMonths);
        ArgumentNullException.ThrowIfNull(quarantine);
        var latest = await snapshots.FindAllLatestAsync(UnitLedger.SegmentFormat, cancellationToken);
        var positions = latest.ToDictionary(l => l.Key, l => l.Value.Position, StringComparer.Ordinal);
        var rows = await store.CountRowsAroundAsync(positions, cancellationToken);
        var named = latest.ToDictionary(l => l.Key, l => (IReadOnlyCollection<SealedMonthKey>)(l.Value.SealedMonths ?? []), StringComparer.Ordinal);
        var months = await sealedMonths.ReadAllAsync(named, cancellationToken);
        var quarantined = await quarantine.ReadAllIdsAsync(cancellationToken);

        var tailed = new Dictionary<string, long>(StringComparer.Ordinal);
        var left = maxTailEvents;
        foreach (var unit in units.All.Where(u => rows.GetValueOrDefault(u.Code).After > 0).OrderBy(u => rows[u.Code].After))
        {
            var after = rows[unit.Code].After;
            if (after > left)
            {
                break;
            }

            left -= after;
            tailed[unit.Code] = positions.GetValueOrDefault(unit.Code, -1);
        }

        var tails = await store.ReadTailsAsync(tailed, cancellationToken);
        return units.All.ToDictionary(
            u => u.Code,
            u =>
            {
                var snapshot = latest.GetValueOrDefault(u.Code);
                var log = rows.GetValueOrDefault(u.Code);
                return new UnitStart(
                    quarantined.GetValueOrDefault(u.Code) ?? new HashSet<string>(StringComparer.Ordinal),
                    snapshot,
                    snapshot is not null && log.UpTo == snapshot.Events,
                    months.GetValueOrDefault(u.Code) ?? [],
                    snapshot?.Position ?? -1,
                    log.After == 0 ? [] : tails.GetValueOrDefault(u.Code));
            },
            StringComparer.Ordinal);
    }

    /// <summary>Holds <paramref name="starts"/> for the units' first activations, while <paramref name="stillValid"/> says nobody else may have written.</summary>
    public void Hold(IReadOnlyDictionary<string, UnitStart> starts, Func<bool> stillValid)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(stillValid);
        _stillValid = stillValid;
        _starts = new ConcurrentDictionary<string, UnitStart>(starts, StringComparer.Ordinal);
    }

    /// <summary><see cref="Take"/>, once the read <see cref="Expect"/>ed has ended.</summary>
    public async ValueTask<UnitStart?> TakeAsync(string unitCode, CancellationToken cancellationToken)
    {
        var reading = Volatile.Read(ref _reading);
        if (!reading.IsCompleted)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                // On the grain's own scheduler; a cancelled wait just finds no start, and the unit reads its own.
                await reading.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        return Take(unitCode);
    }

    /// <summary>The unit's start, once; null when none is held (taken, forgotten, never read) or when it may be stale.</summary>
    public UnitStart? Take(string unitCode)
    {
        if (!_starts.TryRemove(unitCode, out var start))
        {
            return null;
        }

        if (_stillValid())
        {
            return start;
        }

        Forget();
        return null;
    }

    /// <summary>Drops the starts not taken; returns how many there were.</summary>
    public int Forget()
    {
        var left = _starts.Count;
        _starts.Clear();
        return left;
    }
}
