using GovPulse.Indicators.Events;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>
/// Random unit event streams over several months, as the simulator sends them: dossiers of a few
/// procedures with random lives (some spanning months, some never finishing), receipts corrected into
/// another month, petitions; delivered with most events at once, some days or weeks late, a few twice.
/// </summary>
internal static class MonthsOfUnitStream
{
    private static readonly string[] Procedures = ["1.000894", "2.001", "1.004227", "2.000305", "1.012345"];

    /// <summary>The events with the moment each arrives, in arrival order.</summary>
    public static List<(UnitEvent Event, DateTimeOffset Arrives)> Delivered(Random random, int dossiers = 36, int petitions = 10)
    {
        var events = Events(random, dossiers, petitions);
        var delivered = new List<(UnitEvent Event, DateTimeOffset Arrives)>();
        foreach (var e in events)
        {
            delivered.Add((e, e.OccurredAt + Delay(random)));
            if (random.Next(20) == 0)
            {
                delivered.Add((e, e.OccurredAt + Delay(random) + TimeSpan.FromDays(random.Next(1, 40))));
            }
        }

        return [.. delivered.OrderBy(d => d.Arrives).ThenBy(_ => random.Next())];
    }

    private static TimeSpan Delay(Random random) => random.Next(20) switch
    {
        0 => TimeSpan.FromDays(30 + random.Next(60)),
        < 4 => TimeSpan.FromDays(1 + random.Next(20)),
        _ => TimeSpan.FromMinutes(random.Next(120)),
    };

    private static List<UnitEvent> Events(Random random, int dossiers, int petitions)
    {
        var events = new List<UnitEvent>();
        for (var i = 0; i < dossiers; i++)
        {
            var received = At(6 + random.Next(6), 1 + random.Next(28), 7 + random.Next(11), random.Next(60));
            var id = $"m{i}";
            var stream = new DossierHistory(id);
            var procedure = Procedures[random.Next(Procedures.Length)];
            var due = random.Next(4) == 0 ? (DateTimeOffset?)null : received.AddHours(6 + random.Next(24 * 40));
            var receipt = ConflictingEvents.Receipt(
                id, $"{id}-received", received, due, workingDays: 1 + random.Next(15), procedure: procedure,
                channel: (Channel)random.Next(3), fee: random.Next(3) * 10_000, paperResult: random.Next(2) == 0, citizenData: random.Next(3) == 0);
            events.Add(receipt);
            if (random.Next(7) == 0)
            {
                // A correction: later (sometimes into the next month), or at the same time with another event id.
                var at = random.Next(3) == 0 ? received : received.AddDays(random.Next(1, 35));
                events.Add(receipt with
                {
                    EventId = $"{id}-received-again-{random.Next(10)}",
                    OccurredAt = at,
                    ProcedureCode = Procedures[random.Next(Procedures.Length)],
                    Channel = (Channel)random.Next(3),
                    Fee = random.Next(2) * 15_000,
                });
            }

            if (random.Next(4) == 0)
            {
                stream.SupplementRequested(received.AddHours(2 + random.Next(100)));
                if (random.Next(2) == 0)
                {
                    stream.SupplementReceived(received.AddDays(1 + random.Next(20)));
                }

                if (random.Next(4) == 0)
                {
                    stream.SupplementRequested(received.AddDays(5 + random.Next(10)));
                }
            }

            if (random.Next(5) == 0)
            {
                stream.Apology(received.AddDays(random.Next(1, 20)), received.AddDays(30));
            }

            switch (random.Next(7))
            {
                case 0: stream.Completed(received.AddHours(random.Next(24 * 50))).ResultReturned(received.AddHours(24 * 51), random.Next(2) == 0); break;
                case 1: stream.ResultReturned(received.AddHours(random.Next(24 * 60)), random.Next(2) == 0); break;
                case 2: stream.Refused(received.AddHours(random.Next(24 * 20))); break;
                case 3: stream.Withdrawn(received.AddHours(random.Next(24 * 10) - 50)); break;
                case 4: stream.Completed(received.AddHours(random.Next(24 * 90))); break;
                case 5: stream.Completed(received.AddMinutes(random.Next(24 * 60 * 8))); break;
                default: break; // never finishes
            }

            if (random.Next(2) == 0)
            {
                stream.PaidOnline(received.AddMinutes(10 + random.Next(60 * 24 * 3))).Digitized(received.AddMinutes(30), random.Next(2) == 0, random.Next(2) == 0).Synced(received.AddHours(1 + random.Next(200)));
            }

            if (random.Next(3) == 0)
            {
                stream.Rated(received.AddDays(10 + random.Next(30)), (Rating)random.Next(3), random.Next(5) == 0);
            }

            events.AddRange(stream.Events);
        }

        for (var i = 0; i < petitions; i++)
        {
            var received = At(6 + random.Next(6), 1 + random.Next(28), 7 + random.Next(11));
            var id = $"q{i}";
            events.Add(ConflictingEvents.Petition(id, $"{id}-received", EventType.PetitionReceived, received) with { DueAt = received.AddDays(1 + random.Next(20)) });
            if (random.Next(8) == 0)
            {
                events.Add(ConflictingEvents.Petition(id, $"{id}-received-again", EventType.PetitionReceived, received.AddDays(random.Next(1, 30))) with { DueAt = received.AddDays(25) });
            }

            if (random.Next(4) != 0)
            {
                events.Add(ConflictingEvents.Petition(id, $"{id}-resolved", EventType.PetitionResolved, received.AddDays(random.Next(40))));
            }

            if (random.Next(2) == 0)
            {
                events.Add(ConflictingEvents.Petition(id, $"{id}-rated", EventType.PetitionRated, received.AddDays(20 + random.Next(30))) with { Satisfied = random.Next(2) == 0, RepeatComplaint = random.Next(4) == 0 });
            }
        }

        return events;
    }
}
