namespace GovPulse.Grains.City;

/// <summary>
/// The units' next due times (when an open dossier of theirs turns overdue), earliest first: a
/// priority queue with lazy removal, so a unit's new due time costs a push, not a search.
/// </summary>
internal sealed class DueSchedule
{
    private readonly Dictionary<string, DateTimeOffset> _due = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _queue = new();

    public int Count => _due.Count;

    /// <summary>Sets (or, with null, clears) the unit's next due time.</summary>
    public void Set(string unitCode, DateTimeOffset? due)
    {
        if (due is not { } at)
        {
            _due.Remove(unitCode);
            return;
        }

        if (_due.TryGetValue(unitCode, out var known) && known == at)
        {
            return;
        }

        _due[unitCode] = at;
        _queue.Enqueue(unitCode, at);
        if (_queue.Count > (2 * _due.Count) + 64)
        {
            // Mostly replaced entries: rebuild from the live ones so the queue stays bounded.
            _queue.Clear();
            _queue.EnqueueRange(_due.Select(d => (d.Key, d.Value)));
        }
    }

    /// <summary>The earliest due time set, if any.</summary>
    public DateTimeOffset? Next
    {
        get
        {
            while (_queue.TryPeek(out var unit, out var at))
            {
                if (_due.TryGetValue(unit, out var due) && due == at)
                {
                    return at;
                }

                _queue.Dequeue();
            }

            return null;
        }
    }

    /// <summary>Removes and returns the units due at or before <paramref name="now"/>.</summary>
    public IReadOnlyList<string> TakeDue(DateTimeOffset now)
    {
        var taken = new List<string>();
        while (Next is { } at && at <= now)
        {
            var unit = _queue.Dequeue();
            _due.Remove(unit);
            taken.Add(unit);
        }

        return taken;
    }
}
