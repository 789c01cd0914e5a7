using GovPulse.Indicators.Events;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>Random unit event streams for property tests.</summary>
internal static class RandomUnitStream
{
    /// <summary>Twelve September dossiers with random lives: supplements, every kind of finish, payments, ratings.</summary>
    public static List<UnitEvent> Of(Random random)
    {
        var events = new List<UnitEvent>();
        for (var i = 0; i < 12; i++)
        {
            var received = At(9, 1 + random.Next(25), 8 + random.Next(9));
            var due = received.AddHours(6 + random.Next(120));
            var stream = new DossierHistory($"d{i}").Received(received, due, channel: random.Next(2) == 0 ? Channel.Online : Channel.Direct, fee: random.Next(3) * 10_000);
            if (random.Next(4) == 0)
            {
                stream.SupplementRequested(received.AddHours(2));
                if (random.Next(2) == 0)
                {
                    stream.SupplementReceived(received.AddHours(20));
                }

                if (random.Next(3) == 0)
                {
                    stream.SupplementRequested(received.AddHours(30));
                }
            }

            switch (random.Next(5))
            {
                case 0: stream.Completed(received.AddHours(random.Next(150))).ResultReturned(received.AddHours(160), random.Next(2) == 0); break;
                case 1: stream.ResultReturned(received.AddHours(random.Next(150))); break;
                case 2: stream.Refused(received.AddHours(random.Next(100))); break;
                case 3: stream.Withdrawn(received.AddHours(random.Next(100) - 50)); break;
                default: break;
            }

            if (random.Next(2) == 0)
            {
                stream.PaidOnline(received.AddMinutes(10)).Digitized(received.AddMinutes(30), random.Next(2) == 0, random.Next(2) == 0).Synced(received.AddHours(1));
            }

            if (random.Next(3) == 0)
            {
                stream.Rated(received.AddHours(100), (Rating)random.Next(3), random.Next(5) == 0).Rated(received.AddHours(101), (Rating)random.Next(3));
            }

            events.AddRange(stream.Events);
        }

        return events;
    }
}
