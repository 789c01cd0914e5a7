using GovPulse.Indicators.Periods;

namespace GovPulse.Grains.KnownAt;

/// <summary>
/// What a node recently worked out as known at an instant, keyed (unit, period, asOf): the rebuilt
/// ledgers (so paging through an explanation or exporting twelve trend months does not read and
/// replay the same log prefix again) and the unit figures (so a ranking or the city's pooled figures
/// at the same asOf are not rebuilt for every format).
/// </summary>
/// <remarks>
/// Bounded by entries, least recently used first out: a ledger holds every dossier a unit received in
/// the period (a busy ward's month is a few megabytes), figures are a few kilobytes, so the bound caps
/// the memory; an export's or an explanation's requests come close together, so recent entries are
/// the ones asked for again. What the key names never changes (a prefix of the log), so an entry never
/// goes stale, with one exception: an asOf within <see cref="SettleTime"/> of now is never kept, since
/// events stored at that very moment may still join its prefix. A build in progress is shared by
/// concurrent askers; one that fails is forgotten.
/// </remarks>
public sealed class KnownAtCache<TValue>(int capacity, TimeProvider time)
{
    /// <summary>How long after an instant its prefix may still grow (a store's insert in flight, node clocks a little apart).</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Unit, Period Period, DateTimeOffset AsOf), LinkedListNode<Entry>> _entries = [];
    private readonly LinkedList<Entry> _recent = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "keep at least one entry");

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The kept value of (unit, period, asOf), or the one <paramref name="build"/> gives (kept unless asOf is too recent).</summary>
    public async Task<TValue> GetAsync(string unitCode, Period period, DateTimeOffset asOf, Func<Task<TValue>> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        if (asOf > time.GetUtcNow() - SettleTime)
        {
            return await build();
        }

        var key = (unitCode, period, asOf.ToUniversalTime());
        TaskCompletionSource<TValue> building;
        var start = false;
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recent.Remove(node);
                _recent.AddFirst(node);
                building = node.Value.Value;
            }
            else
            {
                building = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
                _entries[key] = _recent.AddFirst(new Entry(key, building));
                while (_entries.Count > Capacity)
                {
                    var last = _recent.Last!;
                    _recent.RemoveLast();
                    _entries.Remove(last.Value.Key);
                }

                start = true;
            }
        }

        if (start)
        {
            await BuildAsync(key, building, build);
        }

        return await building.Task;
    }

    private async Task BuildAsync((string, Period, DateTimeOffset) key, TaskCompletionSource<TValue> building, Func<Task<TValue>> build)
    {
        try
        {
            building.SetResult(await build());
        }
#pragma warning disable CA1031 // The failure goes to every asker through the task; the entry is forgotten so the next one builds again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_lock)
            {
                if (_entries.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Value, building))
                {
                    _recent.Remove(node);
                    _entries.Remove(key);
                }
            }

            building.SetException(ex);
        }
    }

    private sealed record Entry((string Unit, Period Period, DateTimeOffset AsOf) Key, TaskCompletionSource<TValue> Value);
}
