using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// One dossier's life as told by its events. Events may come in any order and more than once;
/// every fact is kept with its time (and, for repeatable facts, its event id), so the state is
/// the same whatever the delivery, and the dossier can be judged as of any evaluation time:
/// a fact dated after the evaluation time has not happened yet.
/// </summary>
public sealed class Dossier(string id)
{
    private List<TimedFact>? _supplementRequests;
    private List<TimedFact>? _supplementReceipts;
    private List<TimedFact>? _apologies;
    private string? _ratingEventId;

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

    /// <summary>Applies one event about this dossier; returns true when it changed anything.</summary>
    public bool Apply(UnitEvent e)
    {
        var at = e.OccurredAt;
        switch (e.Type)
        {
            case EventType.DossierReceived:
                var receipt = new DossierReceipt(
                    at, e.ProcedureCode ?? string.Empty, e.Channel ?? Channel.Direct, e.DueAt, e.StatutoryWorkingDays,
                    e.Fee ?? 0m, e.PaperResult ?? false, e.CitizenData ?? false);
                if (Receipt == receipt)
                {
                    return false;
                }

                Receipt = receipt;
                return true;
            case EventType.SupplementRequested:
                return AddFact(ref _supplementRequests, e.EventId, at);
            case EventType.SupplementReceived:
                return AddFact(ref _supplementReceipts, e.EventId, at);
            case EventType.ApologyIssued:
                return AddFact(ref _apologies, e.EventId, at);
            case EventType.ProcessingCompleted:
                return Earliest(ref _completedAt, at);
            case EventType.ResultReturned:
                var changed = Earliest(ref _resultReturnedAt, at);
                if (e.ElectronicResult == true && !ElectronicResult)
                {
                    ElectronicResult = true;
                    changed = true;
                }

                return changed;
            case EventType.DossierRefused:
                return Earliest(ref _refusedAt, at);
            case EventType.DossierWithdrawn:
                return Earliest(ref _withdrawnAt, at);
            case EventType.PaymentCompleted:
                return e.Online == true && Earliest(ref _paidOnlineAt, at);
            case EventType.DossierDigitized:
                var digitized = Earliest(ref _digitizedAt, at);
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
                return Earliest(ref _syncedAt, at);
            case EventType.DossierRated:
                // The latest rating stands (a citizen may revise it); at equal times the larger event id wins, so order never matters.
                if (RatedAt is { } rated && (at < rated || (at == rated && string.CompareOrdinal(e.EventId, _ratingEventId) <= 0)))
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
    public DossierStanding Judge(DateTimeOffset evaluatedAt, WorkingDayCalendar calendar)
    {
        var receipt = Receipt ?? throw new InvalidOperationException($"Dossier {Id} has not been received.");
        var baseDue = receipt.DueAt ?? calendar.DueAfter(receipt.ReceivedAt, receipt.StatutoryWorkingDays ?? 0);

        var requests = Until(_supplementRequests, evaluatedAt);
        var wait = TimeSpan.Zero;
        DateTimeOffset? endedByRequest = null;
        if (requests.Count == 1)
        {
            var request = requests[0];
            var answer = Until(_supplementReceipts, evaluatedAt).Where(r => r >= request).DefaultIfEmpty().Min();
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
            var outcome = requests.Count > 1 || finished > due ? DossierOutcome.FinishedLate
                : VietnamTime.LocalDate(finished) < VietnamTime.LocalDate(due) ? DossierOutcome.FinishedEarly
                : DossierOutcome.FinishedOnTime;
            return new DossierStanding(outcome, due, finished, Math.Max(0m, processing));
        }

        var open = requests.Count <= 1 && due > evaluatedAt ? DossierOutcome.InProgressOnTime : DossierOutcome.InProgressOverdue;
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

    public int ApologiesUntil(DateTimeOffset evaluatedAt) => Until(_apologies, evaluatedAt).Count;

    /// <summary>Finish precedence: processing completed, else result returned, else refused, else withdrawn (only once received).</summary>
    private DateTimeOffset? FinishTime(DateTimeOffset evaluatedAt) =>
        AsOf(CompletedAt, evaluatedAt) ?? AsOf(ResultReturnedAt, evaluatedAt) ?? AsOf(RefusedAt, evaluatedAt)
        ?? (WithdrawnAt >= Receipt?.ReceivedAt ? AsOf(WithdrawnAt, evaluatedAt) : null);

    public static DateTimeOffset? AsOf(DateTimeOffset? fact, DateTimeOffset evaluatedAt) => fact <= evaluatedAt ? fact : null;

    private static List<DateTimeOffset> Until(List<TimedFact>? facts, DateTimeOffset evaluatedAt)
    {
        if (facts is null)
        {
            return [];
        }

        var result = new List<DateTimeOffset>(facts.Count);
        foreach (var f in facts)
        {
            if (f.At <= evaluatedAt)
            {
                result.Add(f.At);
            }
        }

        result.Sort();
        return result;
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

    private static bool Earliest(ref DateTimeOffset? field, DateTimeOffset at)
    {
        if (field is { } known && known <= at)
        {
            return false;
        }

        field = at;
        return true;
    }

    private readonly record struct TimedFact(string EventId, DateTimeOffset At);
}
