using CsCheck;
using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>
/// Issue 16: a live unit asks for its month's and quarter's tallies after every change, and the ledger
/// answers from counts it keeps per month and moves along with each change (taking the changed dossier's
/// old contribution out and its new one in). It must answer exactly as a ledger built afresh.
/// </summary>
public sealed class LiveTallyPropertyTests
{
    [Fact]
    public void A_ledger_asked_after_every_event_answers_as_a_ledger_built_afresh()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var events = MonthsOfUnitStream.Delivered(random, dossiers: 20, petitions: 4)
                .Select(d => d.Event)
                .OrderBy(e => e.OccurredAt)
                .ToList();
            var live = Ledgers.Build([]);
            var now = events[0].OccurredAt;
            for (var i = 0; i < events.Count; i++)
            {
                live.Apply(events[i]);

                // The clock is the event's time, or runs on past it, sometimes beyond the next due times.
                now = Max(now, events[i].OccurredAt).AddMinutes(random.Next(3) switch
                {
                    0 => 0,
                    1 => random.Next(30),
                    _ => random.Next(8) == 0 ? random.Next(60 * 24 * 6) : 0,
                });
                var month = Period.MonthOf(now);
                var quarter = Period.Quarter(month.FirstDay.Year, ((month.FirstDay.Month - 1) / 3) + 1);
                var asked = new[] { (month, month.EvaluationTime(now)), (quarter, quarter.EvaluationTime(now)) };
                var answers = asked.Select(a => live.Tally(a.Item1, a.Item2)).ToList();
                if (random.Next(5) == 0 || i == events.Count - 1)
                {
                    var fresh = Ledgers.Build(events.Take(i + 1));
                    answers.Should().Equal(asked.Select(a => fresh.Tally(a.Item1, a.Item2)), $"seed {seed}, after {i + 1} of {events.Count} events, at {now:O}");
                }
            }
        }, iter: 60, threads: 1);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
