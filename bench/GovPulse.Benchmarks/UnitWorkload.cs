using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;

namespace GovPulse.Benchmarks;

/// <summary>
/// A deterministic, realistic event stream for one large unit: dossiers received at the counters
/// and online over a stretch of working days, each living the life the city simulator gives it
/// (ingest/GovPulse.Ingest/Simulation/DossierScript.cs, mirrored here so the suite depends on the
/// pure domain only): receipt, sometimes a supplement request, digitisation, sync, payment of a
/// fee, a finish (mostly early or on time, ~4% late, a few refused or withdrawn), the result and
/// sometimes a rating. A quarter of the receipts carry no appointment date, so the due time comes
/// from the statutory working days and the calendar. A few petitions ride along.
/// </summary>
public sealed class UnitWorkload
{
    public const string UnitCode = "26506";

    private UnitWorkload(List<UnitEvent> events, int dossiers, int petitions, DateTimeOffset now)
    {
        Events = events;
        Dossiers = dossiers;
        Petitions = petitions;
        Now = now;
    }

    /// <summary>Every event of the unit's dossiers and petitions, including those after <see cref="Now"/>, in time order.</summary>
    public List<UnitEvent> Events { get; }

    public int Dossiers { get; }

    public int Petitions { get; }

    /// <summary>The moment the workload is observed at ("now" of a live service).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The events that have happened by <see cref="Now"/>, in time order: what a live ledger holds.</summary>
    public List<UnitEvent> HappenedByNow() => Events.Where(e => e.OccurredAt <= Now).ToList();

    /// <summary>The events in a random order with a share delivered twice, as at-least-once, unordered delivery gives them.</summary>
    public List<UnitEvent> Delivered(double duplicateShare, int seed)
    {
        var random = new Random(seed);
        var delivered = new List<UnitEvent>(Events.Count + (int)(Events.Count * duplicateShare) + 1);
        delivered.AddRange(Events);
        foreach (var e in Events)
        {
            if (random.NextDouble() < duplicateShare)
            {
                delivered.Add(e);
            }
        }

        var array = delivered.ToArray();
        random.Shuffle(array);
        return [.. array];
    }

    public static UnitLedger BuildLedger(IEnumerable<UnitEvent> events)
    {
        var ledger = new UnitLedger(WorkingDayCalendar.Vietnam);
        foreach (var e in events)
        {
            ledger.Apply(e);
        }

        return ledger;
    }

    /// <summary>
    /// <paramref name="dossiers"/> dossiers received on the working days from <paramref name="firstDay"/>
    /// up to <paramref name="now"/> (local time), spread evenly over those days' office hours.
    /// </summary>
    public static UnitWorkload Create(int dossiers, DateOnly firstDay, DateTimeOffset now, int seed = 766)
    {
        var calendar = WorkingDayCalendar.Vietnam;
        var random = new Random(seed);
        var procedures = ProcedureCatalog.Reference.All.Where(p => p.Level != ProcedureLevel.Province).ToArray();
        var weights = procedures.Select(p => p.Field switch
        {
            "Chứng thực" => 12.0,
            "Hộ tịch" => p.Name.Contains("khai sinh", StringComparison.Ordinal) ? 6.0 : 3.0,
            _ => 1.0,
        }).ToArray();

        // Office minutes (07:30–11:30, 13:00–17:00 on working days) from the first day up to now.
        var openMinutes = new List<DateTimeOffset>();
        for (var day = firstDay; VietnamTime.StartOfDay(day) < now; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                continue;
            }

            var start = VietnamTime.StartOfDay(day);
            for (var m = (7 * 60) + 30; m < 17 * 60; m++)
            {
                var minute = start.AddMinutes(m);
                if ((m < (11 * 60) + 30 || m >= 13 * 60) && minute < now)
                {
                    openMinutes.Add(minute);
                }
            }
        }

        var events = new List<UnitEvent>(dossiers * 8);
        for (var i = 0; i < dossiers; i++)
        {
            // Evenly spread, jittered within the minute: dossier i of n lands at the i/n-th office minute.
            var minute = openMinutes[(int)((long)i * openMinutes.Count / dossiers)];
            var receivedAt = minute.AddSeconds(random.NextDouble() * 60);
            var procedure = Pick(random, procedures, weights);
            var channel = random.NextDouble() < 0.55 ? Channel.Online : random.NextDouble() < 0.02 ? Channel.Postal : Channel.Direct;
            var dossierId = $"{UnitCode}-{VietnamTime.ToLocal(receivedAt):yyMMddHHmm}-{i % 100:D2}-{i:D6}";
            events.AddRange(DossierLife(calendar, dossierId, procedure, channel, receivedAt, random));
        }

        var petitions = Math.Max(1, dossiers / 200);
        for (var i = 0; i < petitions; i++)
        {
            var receivedAt = openMinutes[(int)((long)i * openMinutes.Count / petitions)].AddSeconds(random.NextDouble() * 60);
            events.AddRange(PetitionLife($"{UnitCode}-P{i:D6}", receivedAt, random));
        }

        events.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
        return new UnitWorkload(events, dossiers, petitions, now);
    }

    private static IEnumerable<UnitEvent> DossierLife(
        WorkingDayCalendar calendar, string dossierId, Procedure procedure, Channel channel, DateTimeOffset receivedAt, Random random)
    {
        var days = procedure.TimeLimitWorkingDays ?? 5;
        var due = calendar.DueAfter(receivedAt, days);
        var fee = procedure.FeeVnd ?? 0;
        var n = 0;
        UnitEvent Event(EventType type, DateTimeOffset at) => new()
        {
            EventId = $"{dossierId}-{n++}",
            Type = type,
            OccurredAt = at,
            UnitCode = UnitCode,
            DossierId = dossierId,
        };

        yield return Event(EventType.DossierReceived, receivedAt) with
        {
            ProcedureCode = procedure.Code,
            Channel = channel,
            DueAt = random.NextDouble() < 0.25 ? null : due,
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

    private static IEnumerable<UnitEvent> PetitionLife(string petitionId, DateTimeOffset receivedAt, Random random)
    {
        var n = 0;
        UnitEvent Event(EventType type, DateTimeOffset at) => new()
        {
            EventId = $"{petitionId}-{n++}",
            Type = type,
            OccurredAt = at,
            UnitCode = UnitCode,
            PetitionId = petitionId,
        };

        var due = receivedAt.AddDays(10);
        yield return Event(EventType.PetitionReceived, receivedAt) with { DueAt = due };
        yield return Event(EventType.PetitionResolved, receivedAt.AddDays(random.NextDouble() * 12));
        if (random.NextDouble() < 0.5)
        {
            yield return Event(EventType.PetitionRated, receivedAt.AddDays(12 + random.NextDouble())) with
            {
                Satisfied = random.NextDouble() < 0.85,
                RepeatComplaint = random.NextDouble() < 0.03,
            };
        }
    }

    private static T Pick<T>(Random random, T[] items, double[] weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var x = random.NextDouble() * total;
        for (var i = 0; i < items.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }
}
