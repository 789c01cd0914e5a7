using GovPulse.Indicators.Events;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>
/// Small sets of events that tell one dossier or petition conflicting things (two or three receipts,
/// two finishes, two ratings…), each listed in the order a one-stop-shop system would send them. Every
/// set is small enough to try in every order; the subjects differ, so the sets can be mixed freely.
/// </summary>
internal static class ConflictingEvents
{
    private static readonly TimeSpan Utc = TimeSpan.Zero;

    public static IReadOnlyDictionary<string, IReadOnlyList<UnitEvent>> Sets { get; } = new Dictionary<string, IReadOnlyList<UnitEvent>>(StringComparer.Ordinal)
    {
        // A receipt, a correction an hour later, and a third receipt at the same time as the correction
        // but with a smaller event id (it loses to the correction); two completions and a refusal.
        ["receipts"] =
        [
            Receipt("c-rcpt", "c-rcpt-a", At(9, 14, 9), due: At(9, 15, 17)),
            Receipt("c-rcpt", "c-rcpt-c", At(9, 14, 10), workingDays: 3, procedure: "2.001", channel: Channel.Online, fee: 20_000, citizenData: true),
            Receipt("c-rcpt", "c-rcpt-b", At(9, 14, 10), due: At(9, 14, 15), procedure: "3.002", paperResult: false),
            Fact("c-rcpt", "c-rcpt-done-1", EventType.ProcessingCompleted, At(9, 16, 10)),
            Fact("c-rcpt", "c-rcpt-done-2", EventType.ProcessingCompleted, At(9, 18, 10)),
            Fact("c-rcpt", "c-rcpt-refused", EventType.DossierRefused, At(9, 15, 16)),
        ],

        // Three receipts at the same instant (one written with another offset): the largest event id
        // stands. A payment made at the counter says nothing the ledger keeps.
        ["receipts at the same instant"] =
        [
            Fact("c-same", "c-same-cash", EventType.PaymentCompleted, At(9, 20, 7)) with { Online = false, Amount = 5_000 },
            Receipt("c-same", "c-same-2", At(9, 20, 8), due: At(9, 21, 17), channel: Channel.Online),
            Receipt("c-same", "c-same-1", At(9, 20, 8).ToOffset(Utc), due: At(9, 25, 17), fee: 5_000),
            Receipt("c-same", "c-same-3", At(9, 20, 8), due: At(9, 23, 12), procedure: "2.001"),
            Fact("c-same", "c-same-returned", EventType.ResultReturned, At(9, 22, 9)) with { ElectronicResult = true },
            Fact("c-same", "c-same-paid", EventType.PaymentCompleted, At(9, 20, 9)) with { Online = true, Amount = 5_000 },
        ],

        // A correction that moves the receipt from the last evening of September into October, two
        // ratings at the same time (the larger id stands) and a later one, and a supplement pair.
        ["receipt moving month"] =
        [
            Receipt("c-month", "c-month-a", At(9, 30, 20), due: At(10, 1, 12)),
            Receipt("c-month", "c-month-b", At(10, 1, 8), due: At(10, 5, 17), procedure: "2.001", channel: Channel.Online),
            Fact("c-month", "c-month-rated-y", EventType.DossierRated, At(10, 6, 9)) with { Rating = Rating.Dissatisfied, Complaint = true },
            Fact("c-month", "c-month-rated-z", EventType.DossierRated, At(10, 6, 9)) with { Rating = Rating.Satisfied, Complaint = false },
            Fact("c-month", "c-month-asked", EventType.SupplementRequested, At(10, 1, 10)),
            Fact("c-month", "c-month-answered", EventType.SupplementReceived, At(10, 2, 10)),
        ],

        // Supplement requests and answers (a set keyed by event id: two requests at the same time are
        // two requests), a completion, and an apology.
        ["supplements"] =
        [
            Receipt("c-supp", "c-supp-r", At(9, 8, 9), due: At(9, 12, 17)),
            Fact("c-supp", "c-supp-ask-1", EventType.SupplementRequested, At(9, 9, 9)),
            Fact("c-supp", "c-supp-got-1", EventType.SupplementReceived, At(9, 10, 15)),
            Fact("c-supp", "c-supp-ask-2", EventType.SupplementRequested, At(9, 9, 9)),
            Fact("c-supp", "c-supp-done", EventType.ProcessingCompleted, At(9, 13, 10)),
            Fact("c-supp", "c-supp-sorry", EventType.ApologyIssued, At(9, 12, 16)) with { NewDueAt = At(9, 14, 17) },
        ],

        // Every finish at once, one of them told twice at the same instant with another offset, and a
        // withdrawal dated before the receipt (it does not finish the dossier).
        ["finishes"] =
        [
            Receipt("c-fin", "c-fin-r", At(9, 3, 9), due: At(9, 7, 17), paperResult: true),
            Fact("c-fin", "c-fin-returned-1", EventType.ResultReturned, At(9, 7, 16)) with { ElectronicResult = false },
            Fact("c-fin", "c-fin-returned-2", EventType.ResultReturned, At(9, 7, 16).ToOffset(Utc)) with { ElectronicResult = true },
            Fact("c-fin", "c-fin-withdrawn", EventType.DossierWithdrawn, At(9, 3, 8)),
            Fact("c-fin", "c-fin-refused", EventType.DossierRefused, At(9, 8, 9)),
            Fact("c-fin", "c-fin-done", EventType.ProcessingCompleted, At(9, 9, 9)),
        ],

        // Digitization, payment and sync told twice each, with different extras and times.
        ["extras"] =
        [
            Receipt("c-extra", "c-extra-r", At(9, 10, 9), due: At(9, 17, 17), channel: Channel.Online, fee: 30_000),
            Fact("c-extra", "c-extra-dig-1", EventType.DossierDigitized, At(9, 11, 9)) with { ReusedData = true, PersonalStoreLinked = false },
            Fact("c-extra", "c-extra-dig-2", EventType.DossierDigitized, At(9, 10, 10)) with { ReusedData = false, PersonalStoreLinked = true },
            Fact("c-extra", "c-extra-paid-1", EventType.PaymentCompleted, At(9, 10, 9, 30)) with { Online = true, Amount = 30_000 },
            Fact("c-extra", "c-extra-paid-2", EventType.PaymentCompleted, At(9, 10, 9, 30).ToOffset(Utc)) with { Online = true, Amount = 30_000 },
            Fact("c-extra", "c-extra-sync", EventType.DossierSynced, At(9, 16, 9)),
        ],

        // A petition received three times (a later correction, and one at the same time with a smaller
        // id), resolved twice and rated.
        ["petition receipts"] =
        [
            Petition("c-pet", "c-pet-a", EventType.PetitionReceived, At(9, 5, 9)) with { DueAt = At(9, 10, 17) },
            Petition("c-pet", "c-pet-c", EventType.PetitionReceived, At(9, 5, 11)) with { DueAt = At(9, 6, 17) },
            Petition("c-pet", "c-pet-b", EventType.PetitionReceived, At(9, 5, 11)) with { DueAt = At(9, 20, 17) },
            Petition("c-pet", "c-pet-solved-1", EventType.PetitionResolved, At(9, 8, 9)),
            Petition("c-pet", "c-pet-solved-2", EventType.PetitionResolved, At(9, 6, 15)),
            Petition("c-pet", "c-pet-rated", EventType.PetitionRated, At(9, 9, 9)) with { Satisfied = true },
        ],

        // A petition whose correction moves it into October, rated twice at the same time and once later.
        ["petition ratings"] =
        [
            Petition("c-prate", "c-prate-a", EventType.PetitionReceived, At(9, 30, 21)) with { DueAt = At(10, 2, 17) },
            Petition("c-prate", "c-prate-b", EventType.PetitionReceived, At(10, 1, 7)) with { DueAt = At(10, 9, 17) },
            Petition("c-prate", "c-prate-rated-1", EventType.PetitionRated, At(10, 5, 9)) with { Satisfied = true, RepeatComplaint = false },
            Petition("c-prate", "c-prate-rated-2", EventType.PetitionRated, At(10, 5, 9)) with { Satisfied = false, RepeatComplaint = true },
            Petition("c-prate", "c-prate-rated-0", EventType.PetitionRated, At(10, 4, 9)) with { Satisfied = true },
            Petition("c-prate", "c-prate-solved", EventType.PetitionResolved, At(10, 3, 9)),
        ],
    };

    public static UnitEvent Receipt(
        string dossier, string eventId, DateTimeOffset at, DateTimeOffset? due = null, int? workingDays = null, string procedure = "1.000894",
        Channel channel = Channel.Direct, decimal fee = 0, bool paperResult = true, bool citizenData = false) =>
        Fact(dossier, eventId, EventType.DossierReceived, at) with
        {
            ProcedureCode = procedure,
            Channel = channel,
            DueAt = due,
            StatutoryWorkingDays = workingDays,
            Fee = fee,
            PaperResult = paperResult,
            CitizenData = citizenData,
        };

    public static UnitEvent Fact(string dossier, string eventId, EventType type, DateTimeOffset at) =>
        new() { EventId = eventId, Type = type, OccurredAt = at, UnitCode = "26737", DossierId = dossier };

    public static UnitEvent Petition(string petition, string eventId, EventType type, DateTimeOffset at) =>
        new() { EventId = eventId, Type = type, OccurredAt = at, UnitCode = "26737", PetitionId = petition };
}
