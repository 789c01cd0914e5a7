using System.Collections.Concurrent;

namespace GovPulse.Ingest.Pipeline;

/// <summary>
/// The event ids that a batch on this node is checking and storing right now. A batch claims the
/// ids it will check against ClickHouse and store, and lets go once they are stored (or the store
/// failed). A batch that meets an id another batch holds waits for it and then checks again, so of
/// two concurrent batches with the same id the second sees the first one's event in ClickHouse:
/// the same event is a duplicate, a different one is refused — never two events under one id.
/// </summary>
/// <remarks>
/// Per node only: two nodes storing the same id at the same moment both find nothing stored. A
/// repeat then gets two rows that merge away; a reused id with different content (a sender's bug
/// racing itself across nodes) keeps the first row by occurrence time, for readers and checks alike.
/// </remarks>
public sealed class EventIdClaims
{
    private readonly ConcurrentDictionary<string, Claim> _claims = new(StringComparer.Ordinal);

    /// <summary>Ids claimed now (for tests and diagnostics).</summary>
    public int Count => _claims.Count;

    /// <summary>
    /// Claims every id not held by another batch. Returns the claim (release it with
    /// <see cref="Claim.Dispose"/>) and, for the ids another batch holds, a task that completes when
    /// they are all let go.
    /// </summary>
    public Claim TryClaim(IEnumerable<string> eventIds, out Task heldElsewhere)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var claim = new Claim(this);
        var others = new HashSet<Task>();
        foreach (var id in eventIds)
        {
            while (true)
            {
                if (_claims.TryAdd(id, claim))
                {
                    claim.Ids.Add(id);
                    break;
                }

                if (_claims.TryGetValue(id, out var other))
                {
                    if (other != claim)
                    {
                        others.Add(other.Released);
                        claim.Waiting.Add(id);
                    }

                    break;
                }
            }
        }

        heldElsewhere = Task.WhenAll(others);
        return claim;
    }

    /// <summary>A batch's hold on its ids.</summary>
    public sealed class Claim : IDisposable
    {
        private readonly EventIdClaims _owner;
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal Claim(EventIdClaims owner)
        {
            _owner = owner;
        }

        /// <summary>The ids this claim holds.</summary>
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        /// <summary>The ids another batch held when they were asked for.</summary>
        public HashSet<string> Waiting { get; } = new(StringComparer.Ordinal);

        internal Task Released => _released.Task;

        public void Dispose()
        {
            foreach (var id in Ids)
            {
                _owner._claims.TryRemove(new KeyValuePair<string, Claim>(id, this));
            }

            _released.TrySetResult();
        }
    }
}
