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
public sealed partial class Dossier(string id)
{
    private List<TimedFact>? _supplementRequests;
    private List<TimedFact>? _supplementReceipts;
    private List<TimedFact>? _apologies;
    private string? _receiptEventId;
    private string? _ratingEventId;

    // What Judge reuses, written only by Settle (after a change) and never by Judge: the base due time
    // and its local day for a receipt and calendar, and the standing once every judged fact has
    // happened (valid while _settledFor is the calendar asked for; Apply clears it when a judged fact changes).
    private DossierReceipt? _dueReceipt;
    private WorkingDayCalendar? _dueCalendar;
    private DateTimeOffset _baseDue;
    private DateOnly _baseDueDay;
    private WorkingDayCalendar? _settledFor;
    private DateTimeOffset _judgedFactsUntil;
    private DossierStanding _settled;

    public string Id { get; } = id;

    /// <summary>Null until DossierReceived arrives; facts that came earlier are held meanwhile.</summary>
    public DossierReceipt? Receipt { get; private set; }

    private DateTimeOffset? _completedAt;

    public DateTimeOffset? CompletedAt => _completedAt;

    private DateTimeOffset? _resultReturnedAt;

    public DateTimeOffset? ResultReturnedAt => _resultReturnedAt;

    public bool ElectronicResult { get; private set; }

    private DateTimeOffset? _refusedAt;

    public DateTimeOffset? RefusedAt => _refusedAt;

    private DateTimeOffset? _withdrawnAt;

    public DateTimeOffset? WithdrawnAt => _withdrawnAt;

    private DateTimeOffset? _paidOnlineAt;

    public DateTimeOffset? PaidOnlineAt => _paidOnlineAt;

    private DateTimeOffset? _digitizedAt;

    public DateTimeOffset? DigitizedAt => _digitizedAt;

    public bool ReusedData { get; private set; }

    public bool PersonalStoreLinked { get; private set; }

    private DateTimeOffset? _syncedAt;

    public DateTimeOffset? SyncedAt => _syncedAt;

    public DateTimeOffset? RatedAt { get; private set; }

    public Rating? Rating { get; private set; }

    public bool Complaint { get; private set; }

    public int SupplementRequestCount => _supplementRequests?.Count ?? 0;

    /// <summary>
    /// The latest time of any fact this dossier has been told (MinValue before the first): from then
    /// on, nothing about it changes with the evaluation time but an open dossier's due time. A fact
    /// later moved earlier by a repeated event leaves this where it was, which only errs on the safe side.
    /// </summary>
    internal DateTimeOffset LastFactAt { get; private set; } = DateTimeOffset.MinValue;

    // The unit ledger's bookkeeping: the month list that holds the dossier, the number it gave the
    // receipt's procedure (for distinct-procedure counts), the receipt those were taken from, and
    // whether the dossier sits in the ledger's open set.
    internal int LedgerMonth { get; set; } = -1;

    internal int LedgerProcedure { get; set; }

    internal DossierReceipt? LedgerReceipt { get; set; }

    internal bool LedgerOpen { get; set; }

    /// <summary>A number the ledger gives the dossier when it first indexes it (orders equal due times in its due queue).</summary>
    internal long LedgerSerial { get; set; }

    /// <summary>The dossier's entry in the ledger's due queue, if it has one.</summary>
    internal DueQueue.Entry? QueuedDue { get; set; }

    /// <summary>Where the ledger keeps the dossier's row in that month's list.</summary>
    internal int LedgerSlot { get; set; }

    /// <summary>The standing <see cref="Judge"/> gives at <see cref="LastFactAt"/> and, finished, ever after; set while <see cref="IsSettledFor"/>.</summary>
    internal DossierStanding Settled => _settled;

    internal int ApologyCount => _apologies?.Count ?? 0;

    /// <summary>Whether <see cref="Judge"/> answers from the settled standing for this calendar at and after <see cref="LastFactAt"/>.</summary>
    internal bool IsSettledFor(WorkingDayCalendar calendar) => ReferenceEquals(_settledFor, calendar);

    /// <summary>Applies one event about this dossier; returns true when it changed anything.</summary>
    public bool Apply(UnitEvent e)
    {
        if (!Record(e))
        {
            return false;
        }

        if (e.OccurredAt > LastFactAt)
        {
            LastFactAt = e.OccurredAt;
        }

        // A fact the timing rules read has changed: the settled standing no longer holds. A finishing
        // fact behind one of higher precedence (a result returned after processing completed) is never read.
        if (e.Type switch
        {
            EventType.DossierReceived or EventType.SupplementRequested or EventType.SupplementReceived or EventType.ProcessingCompleted => true,
            EventType.ResultReturned => _completedAt is null,
            EventType.DossierRefused => _completedAt is null && _resultReturnedAt is null,
            EventType.DossierWithdrawn => _completedAt is null && _resultReturnedAt is null && _refusedAt is null,
            _ => false,
        })
        {
            _settledFor = null;
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
                return true;
            case EventType.SupplementRequested:
                return AddFact(ref _supplementRequests, e.EventId, at);
            case EventType.SupplementReceived:
                return AddFact(ref _supplementReceipts, e.EventId, at);
            case EventType.ApologyIssued:
                return AddFact(ref _apologies, e.EventId, at);
            case EventType.ProcessingCompleted:
                return FactPrecedence.Earliest(ref _completedAt, at);
            case EventType.ResultReturned:
                var changed = FactPrecedence.Earliest(ref _resultReturnedAt, at);
                if (e.ElectronicResult == true && !ElectronicResult)
                {
                    ElectronicResult = true;
                    changed = true;
                }

                return changed;
            case EventType.DossierRefused:
                return FactPrecedence.Earliest(ref _refusedAt, at);
            case EventType.DossierWithdrawn:
                return FactPrecedence.Earliest(ref _withdrawnAt, at);
            case EventType.PaymentCompleted:
                return e.Online == true && FactPrecedence.Earliest(ref _paidOnlineAt, at);
            case EventType.DossierDigitized:
                var digitized = FactPrecedence.Earliest(ref _digitizedAt, at);
                if (e.ReusedData == true && !ReusedData)
                {
                    ReusedData = digitized = true;
                }

                if (e.PersonalStoreLinked == true && !PersonalStoreLinked)
                {
                    PersonalStoreLinked = digitized = true;
                }

                return digitized;
            case EventType.DossierSynced:
                return FactPrecedence.Earliest(ref _syncedAt, at);
            case EventType.DossierRated:
                // The latest rating stands (a citizen may revise it); at equal times the larger event id wins, so order never matters.
                if (!FactPrecedence.LatestReplaces(at, e.EventId, RatedAt, _ratingEventId))
                {
                    return false;
                }

                _ratingEventId = e.EventId;
                RatedAt = at;
                Rating = e.Rating;
                Complaint = e.Complaint ?? false;
                return true;
            default:
                return false;
        }
    }

    public int ApologiesUntil(DateTimeOffset evaluatedAt)
    {
        var count = 0;
        if (_apologies is { } apologies)
        {
            foreach (var f in apologies)
            {
                count += f.At <= evaluatedAt ? 1 : 0;
            }
        }

        return count;
    }

    /// <summary>The supplement requests made by <paramref name="evaluatedAt"/> (more than one makes the dossier overdue).</summary>
    public int SupplementRequestsBy(DateTimeOffset evaluatedAt)
    {
        var count = 0;
        foreach (var f in _supplementRequests ?? [])
        {
            count += f.At <= evaluatedAt ? 1 : 0;
        }

        return count;
    }

    /// <summary>
    /// The time a finishing fact (completed, result returned, refused, withdrawn after receipt) ended
    /// the dossier by <paramref name="evaluatedAt"/>; null when none did (a finished standing then
    /// comes from a supplement request never answered).
    /// </summary>
    public DateTimeOffset? FinishFactBy(DateTimeOffset evaluatedAt) => FinishTime(evaluatedAt);

    /// <summary>Finish precedence: processing completed, else result returned, else refused, else withdrawn (only once received).</summary>
    private DateTimeOffset? FinishTime(DateTimeOffset evaluatedAt) =>
        AsOf(CompletedAt, evaluatedAt) ?? AsOf(ResultReturnedAt, evaluatedAt) ?? AsOf(RefusedAt, evaluatedAt)
        ?? (WithdrawnAt >= Receipt?.ReceivedAt ? AsOf(WithdrawnAt, evaluatedAt) : null);

    public static DateTimeOffset? AsOf(DateTimeOffset? fact, DateTimeOffset evaluatedAt) => fact <= evaluatedAt ? fact : null;

    /// <summary>The local day of an instant (<see cref="VietnamDays.Of"/>).</summary>
    internal static DateOnly LocalDay(DateTimeOffset instant) => VietnamDays.Of(instant);

    private static void Latest(ref DateTimeOffset latest, List<TimedFact>? facts)
    {
        if (facts is null)
        {
            return;
        }

        foreach (var f in facts)
        {
            Latest(ref latest, f.At);
        }
    }

    private static void Latest(ref DateTimeOffset latest, DateTimeOffset? fact)
    {
        if (fact is { } at && at > latest)
        {
            latest = at;
        }
    }

    private static bool AddFact(ref List<TimedFact>? facts, string eventId, DateTimeOffset at)
    {
        facts ??= [];
        foreach (var f in facts)
        {
            if (f.EventId == eventId)
            {
                return false;
            }
        }

        facts.Add(new TimedFact(eventId, at));
        return true;
    }

    /// <summary>A fact that may be told more than once (kept with the event that told it).</summary>
    private readonly record struct TimedFact(string EventId, DateTimeOffset At);
}
