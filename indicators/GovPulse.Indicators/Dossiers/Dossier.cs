using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Snapshots;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// One dossier's life as told by its events. Events may come in any order and more than once;
/// every fact is kept with its time (and, for repeatable or correctable facts, its event id), and a
/// fact told twice resolves by <see cref="FactPrecedence"/>, so the state is the same whatever the
/// delivery, and the dossier can be judged as of any evaluation time: a fact dated after the
/// evaluation time has not happened yet.
/// </summary>
public sealed class Dossier(string id)
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

    /// <summary>
    /// Judges the dossier at <paramref name="evaluatedAt"/> by the Decision 766 timing rules
    /// (indicators-766.md, PROGRESS): citizen supplement time moves the due time; more than one
    /// supplement request makes the dossier overdue; one request never answered ends the dossier
    /// at the request; without a due date the statutory working days count from receipt.
    /// </summary>
    /// <remarks>
    /// Speed: once <see cref="Settle"/> has run for <paramref name="calendar"/> (the unit ledger does
    /// it after every change), an evaluation time at or after the dossier's last judged fact — the
    /// live case — returns the settled standing, with only an open dossier's due time compared;
    /// anything else is judged from the facts. Both give the same standing.
    /// </remarks>
    public DossierStanding Judge(DateTimeOffset evaluatedAt, WorkingDayCalendar calendar)
    {
        if (ReferenceEquals(_settledFor, calendar) && evaluatedAt >= _judgedFactsUntil)
        {
            var settled = _settled;
            if (settled.Outcome.IsFinished())
            {
                return settled;
            }

            var open = SupplementRequestCount <= 1 && settled.EffectiveDue > evaluatedAt ? DossierOutcome.InProgressOnTime : DossierOutcome.InProgressOverdue;
            return new DossierStanding(open, settled.EffectiveDue, null, 0m);
        }

        return JudgeFromFacts(evaluatedAt, calendar);
    }

    /// <summary>
    /// Works out, for <paramref name="calendar"/>, what <see cref="Judge"/> needs again and again: the
    /// base due time (the appointment date, or the statutory working days from receipt) and its local
    /// day, and the standing at the last fact the timing rules read, which holds for every later
    /// evaluation time but for an open dossier's due time. Does nothing before the receipt, or when
    /// nothing judged has changed since the last call. Judge never writes these, so concurrent
    /// readers stay safe as before; Apply and Settle are the writers.
    /// </summary>
    internal void Settle(WorkingDayCalendar calendar)
    {
        if (ReferenceEquals(_settledFor, calendar) || Receipt is not { } receipt)
        {
            return;
        }

        try
        {
            if (!ReferenceEquals(_dueReceipt, receipt) || !ReferenceEquals(_dueCalendar, calendar))
            {
                _dueReceipt = null;
                _baseDue = receipt.DueAt ?? calendar.DueAfter(receipt.ReceivedAt, receipt.StatutoryWorkingDays ?? 0);
                _baseDueDay = LocalDay(_baseDue);
                _dueCalendar = calendar;
                _dueReceipt = receipt;
            }

            var until = DateTimeOffset.MinValue;
            Latest(ref until, _supplementRequests);
            Latest(ref until, _supplementReceipts);
            Latest(ref until, _completedAt ?? _resultReturnedAt ?? _refusedAt ?? (_withdrawnAt >= receipt.ReceivedAt ? _withdrawnAt : null));
            _judgedFactsUntil = until;
            _settled = JudgeFromFacts(until, calendar);
            _settledFor = calendar;
        }
        catch (ArgumentOutOfRangeException)
        {
            // A receipt the calendar cannot place (negative working days, dates off the calendar's
            // range): left unsettled, so Judge reports it the way it always did.
        }
    }

    private DossierStanding JudgeFromFacts(DateTimeOffset evaluatedAt, WorkingDayCalendar calendar)
    {
        var receipt = Receipt ?? throw new InvalidOperationException($"Dossier {Id} has not been received.");
        var knownDue = ReferenceEquals(_dueReceipt, receipt) && ReferenceEquals(_dueCalendar, calendar);
        var baseDue = knownDue ? _baseDue : receipt.DueAt ?? calendar.DueAfter(receipt.ReceivedAt, receipt.StatutoryWorkingDays ?? 0);

        // The supplement requests made by the evaluation time; with exactly one, it is `request`.
        var requests = 0;
        var request = default(DateTimeOffset);
        if (_supplementRequests is { } asked)
        {
            foreach (var f in asked)
            {
                if (f.At <= evaluatedAt)
                {
                    request = requests == 0 ? f.At : request;
                    requests++;
                }
            }
        }

        var wait = TimeSpan.Zero;
        DateTimeOffset? endedByRequest = null;
        if (requests == 1)
        {
            // The first answer at or after the request, by the evaluation time (default when none).
            var answer = default(DateTimeOffset);
            var answered = false;
            if (_supplementReceipts is { } answers)
            {
                foreach (var f in answers)
                {
                    if (f.At <= evaluatedAt && f.At >= request && (!answered || f.At < answer))
                    {
                        answer = f.At;
                        answered = true;
                    }
                }
            }

            if (answer == default)
            {
                endedByRequest = request;
            }
            else
            {
                wait = answer - request;
            }
        }

        var due = baseDue + wait;
        var finishedAt = FinishTime(evaluatedAt) ?? endedByRequest;
        if (finishedAt is { } finished)
        {
            var processing = (decimal)(finished - receipt.ReceivedAt - wait).TotalDays;
            var outcome = requests > 1 || finished > due ? DossierOutcome.FinishedLate
                : LocalDay(finished) < (knownDue && wait == TimeSpan.Zero ? _baseDueDay : LocalDay(due)) ? DossierOutcome.FinishedEarly
                : DossierOutcome.FinishedOnTime;
            return new DossierStanding(outcome, due, finished, Math.Max(0m, processing));
        }

        var open = requests <= 1 && due > evaluatedAt ? DossierOutcome.InProgressOnTime : DossierOutcome.InProgressOverdue;
        return new DossierStanding(open, due, null, 0m);
    }

    /// <summary>
    /// The time the dossier turns overdue if nothing else happens: its due time while it is open
    /// and on time; null when that moment has passed or cannot come (finished, or already late).
    /// </summary>
    public DateTimeOffset? TurnsOverdueAt(DateTimeOffset now, WorkingDayCalendar calendar)
    {
        if (Receipt is null)
        {
            return null;
        }

        var standing = Judge(now, calendar);
        return standing.Outcome == DossierOutcome.InProgressOnTime ? standing.EffectiveDue : null;
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

    /// <summary>
    /// <see cref="VietnamTime.LocalDate"/>, without the time-zone lookup where the zone's offset is
    /// known not to change: after its last adjustment rule (Vietnam's ended in 1975) the offset is
    /// the zone's base offset, so the local day is plain arithmetic on the UTC ticks. Elsewhere, and
    /// if a sample disagrees at start-up, it asks the zone.
    /// </summary>
    internal static DateOnly LocalDay(DateTimeOffset instant)
    {
        var utc = instant.UtcTicks;
        return utc >= FixedOffset.From && utc < FixedOffset.Until
            ? DateOnly.FromDayNumber((int)((utc + FixedOffset.Offset) / TimeSpan.TicksPerDay))
            : VietnamTime.LocalDate(instant);
    }

    /// <summary>
    /// Writes every fact the dossier was told (none of what Settle or the ledger derive from them), so
    /// that <see cref="ReadFacts"/> gives back a dossier that judges exactly as this one does.
    /// </summary>
    internal void WriteFacts(SnapshotWriter w)
    {
        w.String(Id);
        w.Time(LastFactAt);
        w.Bool(Receipt is not null);
        if (Receipt is { } receipt)
        {
            w.Time(receipt.ReceivedAt);
            w.SharedString(receipt.ProcedureCode);
            w.Byte((byte)receipt.Channel);
            w.OptionalTime(receipt.DueAt);
            w.Bool(receipt.StatutoryWorkingDays.HasValue);
            w.Int(receipt.StatutoryWorkingDays ?? 0);
            w.Decimal(receipt.Fee);
            w.Byte((byte)((receipt.PaperResult ? 1 : 0) | (receipt.CitizenData ? 2 : 0)));
            w.OptionalString(_receiptEventId);
        }

        WriteFacts(w, _supplementRequests);
        WriteFacts(w, _supplementReceipts);
        WriteFacts(w, _apologies);
        w.OptionalTime(_completedAt);
        w.OptionalTime(_resultReturnedAt);
        w.OptionalTime(_refusedAt);
        w.OptionalTime(_withdrawnAt);
        w.OptionalTime(_paidOnlineAt);
        w.OptionalTime(_digitizedAt);
        w.OptionalTime(_syncedAt);
        w.OptionalTime(RatedAt);
        w.OptionalString(_ratingEventId);
        w.Byte(Rating is { } rating ? (byte)(rating + 1) : (byte)0);
        w.Byte((byte)((ElectronicResult ? 1 : 0) | (ReusedData ? 2 : 0) | (PersonalStoreLinked ? 4 : 0) | (Complaint ? 8 : 0)));
    }

    /// <summary>A dossier holding the facts <see cref="WriteFacts"/> wrote.</summary>
    internal static Dossier ReadFacts(SnapshotReader r)
    {
        var dossier = new Dossier(r.String()) { LastFactAt = r.Time() };
        if (r.Bool())
        {
            var receivedAt = r.Time();
            var procedure = r.SharedString();
            var channel = (Channel)r.Byte();
            var dueAt = r.OptionalTime();
            var hasWorkingDays = r.Bool();
            var workingDays = r.Int();
            var fee = r.Decimal();
            var flags = r.Byte();
            dossier.Receipt = new DossierReceipt(
                receivedAt, procedure, channel, dueAt, hasWorkingDays ? workingDays : null, fee, (flags & 1) != 0, (flags & 2) != 0);
            dossier._receiptEventId = r.OptionalString();
        }

        dossier._supplementRequests = ReadFactList(r);
        dossier._supplementReceipts = ReadFactList(r);
        dossier._apologies = ReadFactList(r);
        dossier._completedAt = r.OptionalTime();
        dossier._resultReturnedAt = r.OptionalTime();
        dossier._refusedAt = r.OptionalTime();
        dossier._withdrawnAt = r.OptionalTime();
        dossier._paidOnlineAt = r.OptionalTime();
        dossier._digitizedAt = r.OptionalTime();
        dossier._syncedAt = r.OptionalTime();
        dossier.RatedAt = r.OptionalTime();
        dossier._ratingEventId = r.OptionalString();
        var rated = r.Byte();
        dossier.Rating = rated == 0 ? null : (Rating)(rated - 1);
        var marks = r.Byte();
        dossier.ElectronicResult = (marks & 1) != 0;
        dossier.ReusedData = (marks & 2) != 0;
        dossier.PersonalStoreLinked = (marks & 4) != 0;
        dossier.Complaint = (marks & 8) != 0;
        return dossier;
    }

    private static void WriteFacts(SnapshotWriter w, List<TimedFact>? facts)
    {
        w.Int(facts?.Count ?? 0);
        foreach (var f in facts ?? [])
        {
            w.String(f.EventId);
            w.Time(f.At);
        }
    }

    private static List<TimedFact>? ReadFactList(SnapshotReader r)
    {
        var count = r.Int();
        if (count == 0)
        {
            return null;
        }

        var facts = new List<TimedFact>(count);
        for (var i = 0; i < count; i++)
        {
            facts.Add(new TimedFact(r.String(), r.Time()));
        }

        return facts;
    }

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

    private readonly record struct TimedFact(string EventId, DateTimeOffset At);

    /// <summary>The UTC ticks [From, Until) over which Vietnam's offset is its base offset, Offset ticks.</summary>
    private static class FixedOffset
    {
        public static readonly long From;
        public static readonly long Until;
        public static readonly long Offset;

        static FixedOffset()
        {
            var zone = VietnamTime.Zone;
            var lastRuleEnd = DateTime.MinValue;
            foreach (var rule in zone.GetAdjustmentRules())
            {
                lastRuleEnd = rule.DateEnd > lastRuleEnd ? rule.DateEnd : lastRuleEnd;
            }

            Offset = zone.BaseUtcOffset.Ticks;
            if (lastRuleEnd >= DateTime.MaxValue.AddDays(-3))
            {
                From = Until = 0;
                return;
            }

            From = lastRuleEnd.Ticks + (2 * TimeSpan.TicksPerDay);
            Until = DateTime.MaxValue.Ticks - (2 * TimeSpan.TicksPerDay);
            foreach (var sample in new[] { From, From + (TimeSpan.TicksPerDay / 3), new DateTime(2026, 1, 1).Ticks, new DateTime(2100, 6, 30, 19, 0, 0).Ticks, Until - 1 })
            {
                var instant = new DateTimeOffset(sample, TimeSpan.Zero);
                if (VietnamTime.Zone.GetUtcOffset(instant).Ticks != Offset
                    || VietnamTime.LocalDate(instant).DayNumber != (int)((sample + Offset) / TimeSpan.TicksPerDay))
                {
                    From = Until = 0;
                    return;
                }
            }
        }
    }
}
