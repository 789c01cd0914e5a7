using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;

namespace GovPulse.Ingest.Simulation;

/// <summary>
/// The life of one simulated dossier: receipt, perhaps a supplement request, a finish (mostly
/// early or on time, some late, a few refused or withdrawn), the result, payment, digitisation,
/// sync to the national portal and sometimes a rating. Shares follow what the city reports
/// (about 99% early or on time under the older counting).
/// </summary>
public static class DossierScript
{
    public static IEnumerable<UnitEvent> Write(string unitCode, string dossierId, Procedure procedure, Channel channel, DateTimeOffset receivedAt, Random random)
    {
        var days = procedure.TimeLimitWorkingDays ?? 5;
        var due = OfficeHours.DueAfter(receivedAt, days);
        var fee = procedure.FeeVnd ?? 0;
        var n = 0;
        UnitEvent Event(EventType type, DateTimeOffset at) => new()
        {
            EventId = $"{dossierId}-{n++}",
            Type = type,
            OccurredAt = at,
            UnitCode = unitCode,
            DossierId = dossierId,
        };

        yield return Event(EventType.DossierReceived, receivedAt) with
        {
            ProcedureCode = procedure.Code,
            Channel = channel,
            DueAt = due,
            StatutoryWorkingDays = days,
            Fee = fee,
            PaperResult = random.NextDouble() < 0.8,
            CitizenData = random.NextDouble() < 0.75,
        };

        var span = due - receivedAt;
        var citizenWait = TimeSpan.Zero;
        if (random.NextDouble() < 0.05 && span > TimeSpan.FromHours(4))
        {
            var asked = receivedAt + (span * 0.3 * random.NextDouble());
            citizenWait = TimeSpan.FromHours(4 + (random.NextDouble() * 44));
            yield return Event(EventType.SupplementRequested, asked);
            yield return Event(EventType.SupplementReceived, asked + citizenWait);
        }

        if (random.NextDouble() < 0.98)
        {
            yield return Event(EventType.DossierDigitized, receivedAt.AddMinutes(5 + (random.NextDouble() * 60))) with
            {
                ReusedData = random.NextDouble() < 0.35,
                PersonalStoreLinked = random.NextDouble() < 0.5,
            };
        }

        if (random.NextDouble() < 0.97)
        {
            yield return Event(EventType.DossierSynced, receivedAt.AddMinutes(1 + (random.NextDouble() * 30)));
        }

        var outcome = random.NextDouble();
        if (outcome < 0.005)
        {
            yield return Event(EventType.DossierWithdrawn, receivedAt + (span * random.NextDouble()));
            yield break;
        }

        if (outcome < 0.02)
        {
            yield return Event(EventType.DossierRefused, receivedAt + (span * 0.5 * random.NextDouble())) with { Reason = "Hồ sơ không đủ điều kiện" };
            yield break;
        }

        // Same-day procedures finish within hours; others somewhere before the due time, and ~4% late.
        var late = outcome > 0.96;
        var finished = late
            ? due + citizenWait + TimeSpan.FromHours(2 + (random.NextDouble() * 70))
            : receivedAt + citizenWait + ((span - TimeSpan.FromMinutes(30)) * (0.2 + (0.75 * random.NextDouble())));
        if (finished <= receivedAt)
        {
            finished = receivedAt.AddMinutes(20);
        }

        if (fee > 0)
        {
            yield return Event(EventType.PaymentCompleted, receivedAt.AddMinutes(2 + (random.NextDouble() * 20))) with
            {
                Online = channel == Channel.Online ? random.NextDouble() < 0.8 : random.NextDouble() < 0.15,
                Amount = fee,
            };
        }

        yield return Event(EventType.ProcessingCompleted, finished);
        yield return Event(EventType.ResultReturned, finished.AddMinutes(10 + (random.NextDouble() * 240))) with
        {
            ElectronicResult = random.NextDouble() < 0.6,
        };

        if (random.NextDouble() < 0.2)
        {
            var satisfied = random.NextDouble();
            yield return Event(EventType.DossierRated, finished.AddHours(1 + (random.NextDouble() * 24))) with
            {
                Rating = satisfied < 0.9 ? Rating.Satisfied : satisfied < 0.97 ? Rating.Neutral : Rating.Dissatisfied,
                Complaint = satisfied > 0.99,
            };
        }
    }
}
