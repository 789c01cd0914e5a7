using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;

namespace GovPulse.Ingest.Simulation;

/// <summary>
/// The life of one simulated dossier: receipt, perhaps a supplement request, a finish (mostly
/// early or on time, some late — most of those with an apology letter and a new appointment — a
/// few refused or withdrawn), the result, payment, digitisation, sync to the national portal and
/// sometimes a rating. Officers act in office hours (<see cref="OfficeHours"/>); citizens and
/// systems at any time.
/// </summary>
/// <remarks>
/// The shares are GovPulse's choices where no HCMC figure is published; the one that is — the
/// city keeps about 99% of dossiers early or on time under the older counting, which let an
/// apology letter move the appointment (indicators-766.md §5) — is met by late finishes
/// (<see cref="DefaultLateShare"/>) of which <see cref="ApologyShareOfLate"/> get a new
/// appointment they keep. Decision 766 does not let the letter move the due date, so the 766
/// figure sits a few points lower. Checked in CitySimulatorTests.
/// </remarks>
public static class DossierScript
{
    /// <summary>Late finishes among dossiers that are finished (the city-wide mean; units vary, <see cref="TrafficProfile.LateShare"/>).</summary>
    public const double DefaultLateShare = 0.04;

    /// <summary>Late dossiers that get an apology letter and a new appointment (and keep it).</summary>
    public const double ApologyShareOfLate = 0.75;

    /// <summary>Dossiers with a supplement request (yêu cầu bổ sung).</summary>
    public const double SupplementShare = 0.05;

    /// <summary>Supplement requests the citizen never answers: the dossier ends at the request (766 timing rules).</summary>
    public const double UnansweredShareOfSupplements = 0.08;

    /// <summary>Answered supplement requests followed by a second one: under Decision 766 the dossier is then overdue.</summary>
    public const double SecondRequestShareOfSupplements = 0.05;

    public const double WithdrawnShare = 0.005;

    public const double RefusedShare = 0.015;

    public const double RatedShare = 0.2;

    public static IEnumerable<UnitEvent> Write(
        string unitCode, string dossierId, Procedure procedure, Channel channel, DateTimeOffset receivedAt, Random random, double lateShare = DefaultLateShare)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(random);
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

        if (random.NextDouble() < 0.98)
        {
            yield return Event(EventType.DossierDigitized, OfficeHours.NextOpen(receivedAt.AddMinutes(5 + (random.NextDouble() * 60)))) with
            {
                ReusedData = random.NextDouble() < 0.35,
                PersonalStoreLinked = random.NextDouble() < 0.5,
            };
        }

        if (random.NextDouble() < 0.97)
        {
            yield return Event(EventType.DossierSynced, receivedAt.AddMinutes(1 + (random.NextDouble() * 30)));
        }

        // Time the citizen spends on supplement requests moves the due time later (766 timing rules).
        var span = due - receivedAt;
        var citizenWait = TimeSpan.Zero;
        if (random.NextDouble() < SupplementShare && span > TimeSpan.FromHours(4))
        {
            var asked = OfficeHours.NextOpen(receivedAt + (span * 0.3 * random.NextDouble()));
            yield return Event(EventType.SupplementRequested, asked);
            var answer = random.NextDouble();
            if (answer < UnansweredShareOfSupplements)
            {
                yield break;
            }

            citizenWait = TimeSpan.FromHours(4 + (random.NextDouble() * 44));
            yield return Event(EventType.SupplementReceived, asked + citizenWait);
            if (answer > 1 - SecondRequestShareOfSupplements)
            {
                var again = OfficeHours.NextOpen(asked + citizenWait + TimeSpan.FromHours(1 + (random.NextDouble() * 8)));
                var secondWait = TimeSpan.FromHours(4 + (random.NextDouble() * 44));
                yield return Event(EventType.SupplementRequested, again);
                yield return Event(EventType.SupplementReceived, again + secondWait);
                citizenWait = again + secondWait - asked;
            }
        }

        var outcome = random.NextDouble();
        if (outcome < WithdrawnShare)
        {
            yield return Event(EventType.DossierWithdrawn, receivedAt + citizenWait + (span * random.NextDouble()));
            yield break;
        }

        if (outcome < WithdrawnShare + RefusedShare)
        {
            yield return Event(EventType.DossierRefused, OfficeHours.NextOpen(receivedAt + (span * 0.5 * random.NextDouble()))) with { Reason = "Hồ sơ không đủ điều kiện" };
            yield break;
        }

        // Same-day procedures finish within hours; others somewhere before the (supplement-moved)
        // due time, in office hours; a unit's late share finishes after it.
        var dueAfterWaits = due + citizenWait;
        var late = outcome > 1 - ((1 - WithdrawnShare - RefusedShare) * lateShare);
        DateTimeOffset finished;
        if (late)
        {
            finished = OfficeHours.NextOpen(dueAfterWaits + TimeSpan.FromHours(2 + (random.NextDouble() * 70)));
        }
        else
        {
            // Keep half an hour in hand, except when the dossier came in less than an hour before it is due.
            var usable = span > TimeSpan.FromHours(1) ? span - TimeSpan.FromMinutes(30) : span * 0.9;
            var planned = receivedAt + citizenWait + (usable * (0.2 + (0.75 * random.NextDouble())));
            var inHours = OfficeHours.NextOpen(planned);
            finished = inHours <= dueAfterWaits ? inHours : planned;
        }

        if (late && random.NextDouble() < ApologyShareOfLate)
        {
            // The letter goes out before the appointment is missed, with a new one the office then keeps.
            var issued = OfficeHours.NextOpen(Max(receivedAt.AddMinutes(30), dueAfterWaits - TimeSpan.FromHours(2 + (random.NextDouble() * 22))));
            yield return Event(EventType.ApologyIssued, issued) with { NewDueAt = OfficeHours.DueAfter(finished, 0) };
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

        if (random.NextDouble() < RatedShare)
        {
            var satisfied = random.NextDouble();
            yield return Event(EventType.DossierRated, finished.AddHours(1 + (random.NextDouble() * 24))) with
            {
                Rating = satisfied < 0.9 ? Rating.Satisfied : satisfied < 0.97 ? Rating.Neutral : Rating.Dissatisfied,
                Complaint = satisfied > 0.99,
            };
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
