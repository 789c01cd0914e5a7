using GovPulse.Indicators.Calendar;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// The open dossiers ordered by the moment they turn overdue, so the next such moment is found
/// without visiting every open dossier. A settled open dossier turns overdue at its settled due time
/// for every evaluation time from its last fact on; it sits in <see cref="_byDue"/> (unless it can never
/// turn overdue: more than one supplement request, or ended by an unanswered one). Evaluation times before
/// a dossier's last fact (or an unsettled dossier) need its facts: those are found through
/// <see cref="_byFactsUntil"/>, which holds every open dossier by the time its facts stop changing it.
/// Sorted sets rather than a heap because evaluation times do not come in order (a past period's
/// figures), so nothing can be dropped as expired; a change replaces the dossier's entries.
/// </summary>
internal sealed class DueQueue
{
    private readonly SortedSet<Entry> _byDue = new(EntryOrder.Instance);
    private readonly SortedSet<Entry> _byFactsUntil = new(EntryOrder.Instance);
    private readonly Dictionary<Dossier, (Entry Due, Entry FactsUntil)> _entries = new(ReferenceEqualityComparer.Instance);

    public int Count => _entries.Count;

    /// <summary>Tracks an open dossier: its row says when its facts stop changing it and when it falls due.</summary>
    public void Set(Dossier dossier, in LedgerRow row)
    {
        Remove(dossier);
        var serial = dossier.LedgerSerial;
        var factsUntil = new Entry(row.SettledFrom, serial, dossier, default);
        var due = row.IsSettled && row.Outcome >= DossierOutcome.InProgressOnTime && (row.Facts & RowFacts.TooManyRequests) == 0
            ? new Entry(row.Due, serial, dossier, dossier.Settled.EffectiveDue)
            : default;
        _byFactsUntil.Add(factsUntil);
        if (due.Dossier is not null)
        {
            _byDue.Add(due);
        }

        _entries[dossier] = (due, factsUntil);
    }

    public void Remove(Dossier dossier)
    {
        if (_entries.Remove(dossier, out var entries))
        {
            _byFactsUntil.Remove(entries.FactsUntil);
            if (entries.Due.Dossier is not null)
            {
                _byDue.Remove(entries.Due);
            }
        }
    }

    /// <summary>The next moment after <paramref name="now"/> at which a tracked dossier turns overdue, if any.</summary>
    public DateTimeOffset? Next(DateTimeOffset now, WorkingDayCalendar calendar)
    {
        var at = now.UtcTicks;
        DateTimeOffset? next = null;

        // Dossiers with a fact after now (or unsettled) are judged from their facts.
        if (at < long.MaxValue)
        {
            foreach (var entry in _byFactsUntil.GetViewBetween(new Entry(at + 1, long.MinValue, null!, default), new Entry(long.MaxValue, long.MaxValue, null!, default)))
            {
                if (entry.Dossier.TurnsOverdueAt(now, calendar) is { } due && (next is null || due < next))
                {
                    next = due;
                }
            }
        }

        // The rest: the earliest settled due time after now.
        if (at < long.MaxValue)
        {
            foreach (var entry in _byDue.GetViewBetween(new Entry(at + 1, long.MinValue, null!, default), new Entry(long.MaxValue, long.MaxValue, null!, default)))
            {
                if (_entries[entry.Dossier].FactsUntil.Key > at)
                {
                    continue;
                }

                if (next is null || entry.Key < next.Value.UtcTicks)
                {
                    next = entry.Due;
                }

                break;
            }
        }

        return next;
    }

    private readonly record struct Entry(long Key, long Serial, Dossier Dossier, DateTimeOffset Due);

    private sealed class EntryOrder : IComparer<Entry>
    {
        public static EntryOrder Instance { get; } = new();

        public int Compare(Entry x, Entry y) => x.Key != y.Key ? x.Key.CompareTo(y.Key) : x.Serial.CompareTo(y.Serial);
    }
}
