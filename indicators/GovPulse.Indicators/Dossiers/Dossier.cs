using System.Runtime.CompilerServices;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// One dossier's life as told by its events. Events may come in any order and more than once;
/// every fact is kept with its time (and, for repeatable or correctable facts, its event id), and a
/// fact told twice resolves by <see cref="FactPrecedence"/>, so the state is the same whatever the
/// delivery, and the dossier can be judged as of any evaluation time: a fact dated after the
/// evaluation time has not happened yet.
/// </summary>
/// <remarks>
/// A node keeps hundreds of thousands of these in memory, so the fields are compact: instants as UTC
/// ticks and offset minutes (<see cref="StoredTime"/>), the marks in one word, the repeatable facts in
/// one small array. The properties build the values on read.
/// </remarks>
public sealed partial class Dossier(string id)
{
    private static readonly FactTicks NoFacts = CreateNoFacts();

    // The repeatable facts (supplement requests and receipts, apologies) in the order they were told.
    private TimedFact[]? _timedFacts;
    private string? _receiptEventId;
    private string? _ratingEventId;

    // The facts that happen once (and the last fact), by Fact: UTC ticks, StoredTime.None when untold.
    private FactTicks _factTicks = NoFacts;
    private FactOffsets _factOffsets;
    private Marks _marks;
    private Rating _rating;

    // What Judge reuses, written only by Settle (after a change) and never by Judge: for _calendar, the
    // base due time and its local day (while Marks.DueKnown; a new receipt clears it), and the standing
    // once every judged fact has happened (while Marks.Settled; Apply clears it when a judged fact changes).
    // The settled due time has the base due time's offset; its processing days are worked out on read.
    private WorkingDayCalendar? _calendar;
    private long _baseDue;
    private short _baseDueOffset;
    private DateOnly _baseDueDay;
    private long _judgedFactsUntil;
    private long _settledDue;
    private long _settledFinished = StoredTime.None;
    private short _settledFinishedOffset;
    private byte _settledOutcome;

    // The ledger's due-queue entry, when it has one (its serial is LedgerSerial, its dossier this one).
    private long _queuedDue = StoredTime.None;
    private short _queuedDueOffset;

    public string Id { get; } = id;

    /// <summary>Null until DossierReceived arrives; facts that came earlier are held meanwhile.</summary>
    public DossierReceipt? Receipt { get; private set; }

    public DateTimeOffset? CompletedAt => TimeOf(Fact.Completed);

    public DateTimeOffset? ResultReturnedAt => TimeOf(Fact.ResultReturned);

    public bool ElectronicResult => Has(Marks.ElectronicResult);

    public DateTimeOffset? RefusedAt => TimeOf(Fact.Refused);

    public DateTimeOffset? WithdrawnAt => TimeOf(Fact.Withdrawn);

    public DateTimeOffset? PaidOnlineAt => TimeOf(Fact.PaidOnline);

    public DateTimeOffset? DigitizedAt => TimeOf(Fact.Digitized);

    public bool ReusedData => Has(Marks.ReusedData);

    public bool PersonalStoreLinked => Has(Marks.PersonalStoreLinked);

    public DateTimeOffset? SyncedAt => TimeOf(Fact.Synced);

    public DateTimeOffset? RatedAt => TimeOf(Fact.Rated);

    public Rating? Rating => Has(Marks.HasRating) ? _rating : null;

    public bool Complaint => Has(Marks.Complaint);

    public int SupplementRequestCount => CountOf(FactKind.SupplementRequest);

    /// <summary>
    /// The latest time of any fact this dossier has been told (MinValue before the first): from then
    /// on, nothing about it changes with the evaluation time but an open dossier's due time. A fact
    /// later moved earlier by a repeated event leaves this where it was, which only errs on the safe side.
    /// </summary>
    internal DateTimeOffset LastFactAt
    {
        get => StoredTime.At(_factTicks[(int)Fact.Last], _factOffsets[(int)Fact.Last]);
        private set => Store(Fact.Last, value);
    }

    /// <summary><see cref="LastFactAt"/> as UTC ticks, for the ledger's scans (no instant built per row).</summary>
    internal long LastFactTicks => _factTicks[(int)Fact.Last];

    // The unit ledger's bookkeeping: the month list that holds the dossier, the number it gave the
    // receipt's procedure (for distinct-procedure counts), the receipt those were taken from, and
    // whether the dossier sits in the ledger's open set.
    internal int LedgerMonth { get; set; } = -1;

    internal int LedgerProcedure { get; set; }

    /// <summary>
    /// The receipt the ledger indexed the dossier by; null before it did and after the receipt changed.
    /// Kept as a mark: the ledger only ever indexes the current receipt.
    /// </summary>
    internal DossierReceipt? LedgerReceipt
    {
        get => Has(Marks.LedgerIndexed) ? Receipt : null;
        set
        {
            if (value is not null && !ReferenceEquals(value, Receipt))
            {
                throw new ArgumentException("The ledger indexes a dossier by its current receipt.", nameof(value));
            }

            Mark(Marks.LedgerIndexed, value is not null);
        }
    }

    internal bool LedgerOpen
    {
        get => Has(Marks.LedgerOpen);
        set => Mark(Marks.LedgerOpen, value);
    }

    /// <summary>A number the ledger gives the dossier when it first indexes it (orders equal due times in its due queue).</summary>
    internal long LedgerSerial { get; set; }

    /// <summary>The dossier's entry in the ledger's due queue, if it has one.</summary>
    internal DueQueue.Entry? QueuedDue
    {
        get => _queuedDue == StoredTime.None ? null : new DueQueue.Entry(_queuedDue, LedgerSerial, this, StoredTime.At(_queuedDue, _queuedDueOffset));
        set
        {
            if (value is not { } entry)
            {
                _queuedDue = StoredTime.None;
                return;
            }

            if (!ReferenceEquals(entry.Dossier, this) || entry.Serial != LedgerSerial || entry.Key != entry.Due.UtcTicks)
            {
                throw new ArgumentException("A dossier's queue entry is its own, by its serial and due time.", nameof(value));
            }

            _queuedDue = entry.Key;
            _queuedDueOffset = StoredTime.OffsetOf(entry.Due);
        }
    }

    /// <summary>Where the ledger keeps the dossier's row in that month's list.</summary>
    internal int LedgerSlot { get; set; }

    /// <summary>The standing <see cref="Judge"/> gives at <see cref="LastFactAt"/> and, finished, ever after; set while <see cref="IsSettledFor"/>.</summary>
    internal DossierStanding Settled => SettledStanding();

    internal int ApologyCount => CountOf(FactKind.Apology);

    /// <summary>Whether <see cref="Judge"/> answers from the settled standing for this calendar at and after <see cref="LastFactAt"/>.</summary>
    internal bool IsSettledFor(WorkingDayCalendar calendar) => Has(Marks.Settled) && ReferenceEquals(_calendar, calendar);

    /// <summary>Applies one event about this dossier; returns true when it changed anything.</summary>
    public bool Apply(UnitEvent e)
    {
        if (!Record(e))
        {
            return false;
        }

        if (e.OccurredAt.UtcTicks > _factTicks[(int)Fact.Last])
        {
            LastFactAt = e.OccurredAt;
        }

        // A fact the timing rules read has changed: the settled standing no longer holds. A finishing
        // fact behind one of higher precedence (a result returned after processing completed) is never read.
        if (e.Type switch
        {
            EventType.DossierReceived or EventType.SupplementRequested or EventType.SupplementReceived or EventType.ProcessingCompleted => true,
            EventType.ResultReturned => !Told(Fact.Completed),
            EventType.DossierRefused => !Told(Fact.Completed) && !Told(Fact.ResultReturned),
            EventType.DossierWithdrawn => !Told(Fact.Completed) && !Told(Fact.ResultReturned) && !Told(Fact.Refused),
            _ => false,
        })
        {
            Mark(Marks.Settled, false);
        }

        return true;
    }

    private bool Record(UnitEvent e)
    {
        var at = e.OccurredAt;
        switch (e.Type)
        {
            case EventType.DossierReceived:
                // The latest receipt stands (a correction carries a time not earlier than what it corrects);
                // at equal times the larger event id wins, so neither delivery order nor a rebuild matters.
                if (!FactPrecedence.LatestReplaces(at, e.EventId, Receipt?.ReceivedAt, _receiptEventId))
                {
                    return false;
                }

                _receiptEventId = e.EventId;
                Receipt = new DossierReceipt(
                    at, e.ProcedureCode ?? string.Empty, e.Channel ?? Channel.Direct, e.DueAt, e.StatutoryWorkingDays,
                    e.Fee ?? 0m, e.PaperResult ?? false, e.CitizenData ?? false);
                Mark(Marks.DueKnown | Marks.LedgerIndexed, false);
                return true;
            case EventType.SupplementRequested:
                return AddFact(FactKind.SupplementRequest, e.EventId, at);
            case EventType.SupplementReceived:
                return AddFact(FactKind.SupplementReceipt, e.EventId, at);
            case EventType.ApologyIssued:
                return AddFact(FactKind.Apology, e.EventId, at);
            case EventType.ProcessingCompleted:
                return Earliest(Fact.Completed, at);
            case EventType.ResultReturned:
                var changed = Earliest(Fact.ResultReturned, at);
                if (e.ElectronicResult == true && !ElectronicResult)
                {
                    Mark(Marks.ElectronicResult, true);
                    changed = true;
                }

                return changed;
            case EventType.DossierRefused:
                return Earliest(Fact.Refused, at);
            case EventType.DossierWithdrawn:
                return Earliest(Fact.Withdrawn, at);
            case EventType.PaymentCompleted:
                return e.Online == true && Earliest(Fact.PaidOnline, at);
            case EventType.DossierDigitized:
                var digitized = Earliest(Fact.Digitized, at);
                if (e.ReusedData == true && !ReusedData)
                {
                    Mark(Marks.ReusedData, true);
                    digitized = true;
                }

                if (e.PersonalStoreLinked == true && !PersonalStoreLinked)
                {
                    Mark(Marks.PersonalStoreLinked, true);
                    digitized = true;
                }

                return digitized;
            case EventType.DossierSynced:
                return Earliest(Fact.Synced, at);
            case EventType.DossierRated:
                // The latest rating stands (a citizen may revise it); at equal times the larger event id wins, so order never matters.
                if (!FactPrecedence.LatestReplaces(at, e.EventId, RatedAt, _ratingEventId))
                {
                    return false;
                }

                _ratingEventId = e.EventId;
                Store(Fact.Rated, at);
                SetRating(e.Rating);
                Mark(Marks.Complaint, e.Complaint ?? false);
                return true;
            default:
                return false;
        }
    }

    public int ApologiesUntil(DateTimeOffset evaluatedAt) => CountOf(FactKind.Apology, evaluatedAt.UtcTicks);

    /// <summary>The supplement requests made by <paramref name="evaluatedAt"/> (more than one makes the dossier overdue).</summary>
    public int SupplementRequestsBy(DateTimeOffset evaluatedAt) => CountOf(FactKind.SupplementRequest, evaluatedAt.UtcTicks);

    /// <summary>
    /// The time a finishing fact (completed, result returned, refused, withdrawn after receipt) ended
    /// the dossier by <paramref name="evaluatedAt"/>; null when none did (a finished standing then
    /// comes from a supplement request never answered).
    /// </summary>
    public DateTimeOffset? FinishFactBy(DateTimeOffset evaluatedAt) => FinishTime(evaluatedAt);

    /// <summary>Finish precedence: processing completed, else result returned, else refused, else withdrawn (only once received).</summary>
    private DateTimeOffset? FinishTime(DateTimeOffset evaluatedAt)
    {
        var at = evaluatedAt.UtcTicks;
        var finish = Told(Fact.Completed) && _factTicks[(int)Fact.Completed] <= at ? Fact.Completed
            : Told(Fact.ResultReturned) && _factTicks[(int)Fact.ResultReturned] <= at ? Fact.ResultReturned
            : Told(Fact.Refused) && _factTicks[(int)Fact.Refused] <= at ? Fact.Refused
            : Fact.Last;
        if (finish != Fact.Last)
        {
            return TimeOf(finish);
        }

        var withdrawn = _factTicks[(int)Fact.Withdrawn];
        return Told(Fact.Withdrawn) && Receipt is { } receipt && withdrawn >= receipt.ReceivedAtUtcTicks && withdrawn <= at
            ? TimeOf(Fact.Withdrawn)
            : null;
    }

    public static DateTimeOffset? AsOf(DateTimeOffset? fact, DateTimeOffset evaluatedAt) => fact <= evaluatedAt ? fact : null;

    /// <summary>The local day of an instant (<see cref="VietnamDays.Of"/>).</summary>
    internal static DateOnly LocalDay(DateTimeOffset instant) => VietnamDays.Of(instant);

    private bool Told(Fact fact) => _factTicks[(int)fact] != StoredTime.None;

    private DateTimeOffset? TimeOf(Fact fact) => StoredTime.OrNull(_factTicks[(int)fact], _factOffsets[(int)fact]);

    private void Store(Fact fact, DateTimeOffset at)
    {
        _factTicks[(int)fact] = at.UtcTicks;
        _factOffsets[(int)fact] = StoredTime.OffsetOf(at);
    }

    /// <summary>Keeps the earliest time of a fact that happens once (<see cref="FactPrecedence.Earliest"/>); true when <paramref name="at"/> replaced it.</summary>
    private bool Earliest(Fact fact, DateTimeOffset at)
    {
        var known = TimeOf(fact);
        if (!FactPrecedence.Earliest(ref known, at))
        {
            return false;
        }

        Store(fact, at);
        return true;
    }

    private bool Has(Marks marks) => (_marks & marks) != 0;

    private void Mark(Marks marks, bool on) => _marks = on ? _marks | marks : _marks & ~marks;

    private void SetRating(Rating? rating)
    {
        _rating = rating ?? default;
        Mark(Marks.HasRating, rating.HasValue);
    }

    private int CountOf(FactKind kind, long untilTicks = long.MaxValue)
    {
        var count = 0;
        foreach (var f in _timedFacts ?? [])
        {
            count += f.Kind == kind && f.UtcTicks <= untilTicks ? 1 : 0;
        }

        return count;
    }

    private void Latest(ref DateTimeOffset latest, FactKind kind)
    {
        foreach (var f in _timedFacts ?? [])
        {
            if (f.Kind == kind && f.UtcTicks > latest.UtcTicks)
            {
                latest = f.At;
            }
        }
    }

    private static void Latest(ref DateTimeOffset latest, DateTimeOffset? fact)
    {
        if (fact is { } at && at > latest)
        {
            latest = at;
        }
    }

    private bool AddFact(FactKind kind, string eventId, DateTimeOffset at)
    {
        var facts = _timedFacts ?? [];
        foreach (var f in facts)
        {
            if (f.Kind == kind && f.EventId == eventId)
            {
                return false;
            }
        }

        // Exactly as long as needed: most dossiers have none or one or two of these.
        Array.Resize(ref facts, facts.Length + 1);
        facts[^1] = new TimedFact(kind, eventId, at);
        _timedFacts = facts;
        return true;
    }

    private static FactTicks CreateNoFacts()
    {
        var ticks = default(FactTicks);
        ((Span<long>)ticks).Fill(StoredTime.None);
        ticks[(int)Fact.Last] = DateTimeOffset.MinValue.UtcTicks;
        return ticks;
    }

    /// <summary>The facts that happen once, and the last fact of all: their slots in the fact arrays.</summary>
    private enum Fact
    {
        Completed,
        ResultReturned,
        Refused,
        Withdrawn,
        PaidOnline,
        Digitized,
        Synced,
        Rated,
        Last,
    }

    private const int FactSlots = (int)Fact.Last + 1;

    [Flags]
    private enum Marks : ushort
    {
        None = 0,
        ElectronicResult = 1,
        ReusedData = 2,
        PersonalStoreLinked = 4,
        Complaint = 8,
        HasRating = 16,
        LedgerOpen = 32,
        LedgerIndexed = 64,
        DueKnown = 128,
        Settled = 256,
    }

    private enum FactKind : byte
    {
        SupplementRequest,
        SupplementReceipt,
        Apology,
    }

    [InlineArray(FactSlots)]
    private struct FactTicks
    {
        private long _first;
    }

    [InlineArray(FactSlots)]
    private struct FactOffsets
    {
        private short _first;
    }

    /// <summary>A fact that may be told more than once (kept with the event that told it, and its kind).</summary>
    private readonly struct TimedFact(FactKind kind, string eventId, DateTimeOffset at)
    {
        private readonly short _offset = StoredTime.OffsetOf(at);

        public string EventId { get; } = eventId;

        public long UtcTicks { get; } = at.UtcTicks;

        public FactKind Kind { get; } = kind;

        public DateTimeOffset At => StoredTime.At(UtcTicks, _offset);
    }
}
