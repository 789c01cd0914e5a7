using System.Threading.Channels;

namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The node's group commit: unit grains hand it their positioned events and it stores whatever has
/// queued up in one insert, so many grains appending at once cost a few large inserts, not one small
/// insert each (ClickHouse's cost is per insert, not per row). While an insert runs, the next group
/// gathers; nothing waits on a clock. An insert that fails fails every append in its group, and each
/// grain then rebuilds from what the log really holds.
/// </summary>
/// <remarks>
/// Appends are never cancelled: an append a caller gave up on still finishes in the engine, and its
/// caller learns the outcome only when it has, so the ingest pipeline holds its event ids until then.
/// </remarks>
public sealed class GroupCommitEventLogWriter : IEventLogWriter, IAsyncDisposable
{
    /// <summary>Rows one insert takes at most (a few MB of JSON); what is left goes in the next.</summary>
    public const int MaxRowsPerInsert = 50_000;

    /// <summary>
    /// Two inserts at a time: one encodes its rows while the engine stores the other's, on two cores;
    /// everything queued meanwhile goes into the next, so groups grow with the load. (Unit grains
    /// interleave their appends, so one unit's events of concurrent batches share a group.)
    /// </summary>
    private const int Committers = 2;

    private readonly IEventStore _store;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Task[] _committers;

    public GroupCommitEventLogWriter(IEventStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _committers = Enumerable.Range(0, Committers).Select(_ => Task.Run(CommitAsync)).ToArray();
    }

    public Task AppendAsync(IReadOnlyList<LoggedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        var append = new PendingAppend(events);
        return _queue.Writer.TryWrite(append)
            ? append.Done.Task
            : Task.FromException(new ObjectDisposedException(nameof(GroupCommitEventLogWriter), "The node is stopping; the events were not stored."));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_committers);
    }

    private async Task CommitAsync()
    {
        var group = new List<PendingAppend>();
        var rows = new List<LoggedEvent>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (rows.Count < MaxRowsPerInsert && _queue.Reader.TryRead(out var append))
            {
                group.Add(append);
                rows.AddRange(append.Events);
            }

            if (group.Count == 0)
            {
                continue;
            }

            try
            {
                await _store.AppendAsync(rows, CancellationToken.None);
                group.ForEach(a => a.Done.TrySetResult());
            }
#pragma warning disable CA1031 // Every waiting grain gets the failure; the committer goes on with the next group.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                group.ForEach(a => a.Done.TrySetException(ex));
            }

            group.Clear();
            rows.Clear();
        }
    }

    private sealed class PendingAppend(IReadOnlyList<LoggedEvent> events)
    {
        public IReadOnlyList<LoggedEvent> Events { get; } = events;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
