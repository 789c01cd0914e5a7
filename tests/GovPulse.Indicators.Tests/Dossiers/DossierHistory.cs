using GovPulse.Indicators.Events;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>Events of one dossier, in the domain's words, for arranging tests.</summary>
public sealed class DossierHistory(string dossierId, string unit = "26737")
{
    private readonly List<UnitEvent> _events = [];

    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public IReadOnlyList<UnitEvent> Events => _events;

    public static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Vietnam);

    public DossierHistory Received(DateTimeOffset at, DateTimeOffset? due = null, int? workingDays = null, Channel channel = Channel.Direct, decimal fee = 0, bool paperResult = true, bool citizenData = false) =>
        Add(EventType.DossierReceived, at, e => e with
        {
            ProcedureCode = "1.000894",
            Channel = channel,
            DueAt = due,
            StatutoryWorkingDays = workingDays,
            Fee = fee,
            PaperResult = paperResult,
            CitizenData = citizenData,
        });

    public DossierHistory SupplementRequested(DateTimeOffset at) => Add(EventType.SupplementRequested, at);

    public DossierHistory SupplementReceived(DateTimeOffset at) => Add(EventType.SupplementReceived, at);

    public DossierHistory Completed(DateTimeOffset at) => Add(EventType.ProcessingCompleted, at);

    public DossierHistory ResultReturned(DateTimeOffset at, bool electronic = false) => Add(EventType.ResultReturned, at, e => e with { ElectronicResult = electronic });

    public DossierHistory Refused(DateTimeOffset at) => Add(EventType.DossierRefused, at);

    public DossierHistory Withdrawn(DateTimeOffset at) => Add(EventType.DossierWithdrawn, at);

    public DossierHistory Apology(DateTimeOffset at, DateTimeOffset newDue) => Add(EventType.ApologyIssued, at, e => e with { NewDueAt = newDue });

    public DossierHistory PaidOnline(DateTimeOffset at) => Add(EventType.PaymentCompleted, at, e => e with { Online = true, Amount = 50_000 });

    public DossierHistory Digitized(DateTimeOffset at, bool reused = false, bool linked = false) =>
        Add(EventType.DossierDigitized, at, e => e with { ReusedData = reused, PersonalStoreLinked = linked });

    public DossierHistory Synced(DateTimeOffset at) => Add(EventType.DossierSynced, at);

    public DossierHistory Rated(DateTimeOffset at, Rating rating, bool complaint = false) => Add(EventType.DossierRated, at, e => e with { Rating = rating, Complaint = complaint });

    private DossierHistory Add(EventType type, DateTimeOffset at, Func<UnitEvent, UnitEvent>? details = null)
    {
        var e = new UnitEvent
        {
            EventId = $"{dossierId}-{_events.Count}-{type}",
            Type = type,
            OccurredAt = at,
            UnitCode = unit,
            DossierId = dossierId,
        };
        _events.Add(details is null ? e : details(e));
        return this;
    }
}
