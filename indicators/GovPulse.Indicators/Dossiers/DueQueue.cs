using GovPulse.Indicators.Calendar;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// The open dossiers (received, no finishing fact yet), with the settled ones that can still turn
/// overdue ordered by their due time, so the next moment one turns overdue is found without judging
/// every open dossier. A settled open dossier turns overdue at its settled due time for every evaluation
/// time from its last fact on (unless it never can: more than one supplement request, or ended by an
/// unanswered one). When the evaluation time is before the latest fact of an open dossier — a past
/// instant, or facts dated ahead of the clock — every open dossier is judged from its facts, exactly as
/// before; unsettled ones (a receipt the calendar cannot place) always are. A sorted set rather than a
/// heap because evaluation times do not come in order (a past period's figures), so nothing can be
/// dropped as expired; a dossier's entry is replaced only when its due time changes.
/// </summary>
internal sealed class DueQueue
{
    private readonly HashSet<Dossier> _open = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Dossier> _unsettled = new(ReferenceEqualityComparer.Instance);
    private readonly SortedSet<Entry> _byDue = new(EntryOrder.Instance);

    /// <summary>Not earlier than the last fact of any open dossier (UTC ticks; it never moves back).</summary>
    private long _latestFact = long.MinValue;

    public IReadOnlyCollection<Dossier> Open => _open;

    /// <summary>Tracks a dossier after a change: open or not (its row says when it falls due), and its queue entry.</summary>
    public void Set(Dossier dossier, in LedgerRow row, bool open)
    {
        if (!open)
        {
            Remove(dossier);
            return;
        }

        _open.Add(dossier);
        _latestFact = Math.Max(_latestFact, dossier.LastFactAt.UtcTicks);
        if (row.IsSettled)
        {
            _unsettled.Remove(dossier);
        }
        else
        {
            _unsettled.Add(dossier);
        }

        var due = row.IsSettled && row.Outcome >= DossierOutcome.InProgressOnTime && (row.Facts & RowFacts.TooManyRequests) == 0
            ? new Entry(row.Due, dossier.LedgerSerial, dossier, dossier.Settled.EffectiveDue)
            : default;
        if (dossier.QueuedDue is { } queued && (due.Dossier is null || queued.Key != due.Key || queued.Due.Offset != due.Due.Offset))
        {
            _byDue.Remove(queued);
            dossier.QueuedDue = null;
        }

        if (due.Dossier is not null && dossier.QueuedDue is null)
        {
            _byDue.Add(due);
            dossier.QueuedDue = due;
        }
    }

    public void Remove(Dossier dossier)
    {
        _open.Remove(dossier);
        _unsettled.Remove(dossier);
        if (dossier.QueuedDue is { } queued)
        {
            _byDue.Remove(queued);
            dossier.QueuedDue = null;
        }
    }

    /// <summary>The next moment after <paramref name="now"/> at which an open dossier turns overdue, if any.</summary>
    public DateTimeOffset? Next(DateTimeOffset now, WorkingDayCalendar calendar)
    {
        var at = now.UtcTicks;
        DateTimeOffset? next = null;
        if (at < _latestFact)
        {
            // An open dossier may have a fact after now: judge them all from their facts.
            foreach (var dossier in _open)
            {
                Earliest(ref next, dossier.TurnsOverdueAt(now, calendar));
            }

            return next;
        }

        foreach (var dossier in _unsettled)
        {
            Earliest(ref next, dossier.TurnsOverdueAt(now, calendar));
        }

        if (at < long.MaxValue)
        {
            foreach (var entry in _byDue.GetViewBetween(new Entry(at + 1, long.MinValue, null!, default), new Entry(long.MaxValue, long.MaxValue, null!, default)))
            {
                Earliest(ref next, entry.Due);
                break;
            }
        }

        return next;
    }

    private static void Earliest(ref DateTimeOffset? next, DateTimeOffset? due)
    {
        if (due is { } moment && (next is null || moment < next))
        {
            next = moment;
        }
    }

    /// <summary>A dossier's place in the queue: its due time in UTC ticks (the key), the ledger's serial number to order equal ones, and the due time as judged.</summary>
    internal readonly record struct Entry(long Key, long Serial, Dossier Dossier, DateTimeOffset Due);

    private sealed class EntryOrder : IComparer<Entry>
    {
        public static EntryOrder Instance { get; } = new();

        public int Compare(Entry x, Entry y) => x.Key != y.Key ? x.Key.CompareTo(y.Key) : x.Serial.CompareTo(y.Serial);
    }
}
