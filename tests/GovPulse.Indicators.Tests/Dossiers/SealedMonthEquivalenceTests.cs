using CsCheck;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>
/// Issue 16: a ledger that seals months (at any points, reopening them for late events and for tallies
/// they cannot answer, packing the parts no tally read between passes, written to segments and read back) gives the same tallies — record equality, the
/// processing days to the last decimal digit — as a ledger that never seals, for every period kind and
/// evaluation time.
/// </summary>
public sealed class SealedMonthEquivalenceTests
{
    private static readonly SealPolicy[] Policies =
    [
        SealPolicy.Default,
        new(TimeSpan.Zero, TimeSpan.FromDays(10)),
        new(TimeSpan.FromDays(1), null),
        new(TimeSpan.FromDays(3), TimeSpan.Zero),
        new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromDays(2)),
        new(TimeSpan.FromDays(7), TimeSpan.FromDays(10), TimeSpan.FromDays(2), RunningFoldAt: 1),
        new(TimeSpan.FromDays(3), null, TimeSpan.Zero, RunningFoldAt: 3),
    ];

    [Fact]
    public void A_sealing_ledger_answers_every_period_at_every_time_as_a_ledger_that_never_seals()
    {
        var sealedMonths = 0;
        var reopens = 0;
        var folded = 0;
        var runningFolds = 0;
        var packed = 0;
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var delivered = MonthsOfUnitStream.Delivered(random);
            var policy = Policies[random.Next(Policies.Length)];
            var never = new UnitLedger(WorkingDayCalendar.Vietnam);
            var sealing = new ReopeningLedger(new UnitLedger(WorkingDayCalendar.Vietnam));
            var checks = 0;
            var factTimes = delivered.Select(d => d.Event.OccurredAt).ToList();
            foreach (var (e, arrives) in delivered)
            {
                never.Apply(e);
                sealing.Apply(e);
                switch (random.Next(40))
                {
                    case 0:
                    case 1:
                    case 2:
                    case 3:
                        sealing.Seal(arrives, policy);
                        folded = Math.Max(folded, sealing.Ledger.DossierCount - sealing.Ledger.LiveDossierCount);
                        runningFolds += sealing.Ledger.SealedMonths.Count(m => arrives < m.Month.End + policy.AfterMonthEnd);
                        packed += sealing.Ledger.SealedMonths.Count - sealing.Ledger.SealedMonthsUnpacked;
                        break;
                    case 4:
                        sealing.RoundTrip();
                        break;
                    case 5 when checks++ < 3:
                        Compare(sealing, never, arrives, factTimes, random, $"seed {seed}, at {arrives:O}");
                        break;
                }
            }

            var now = delivered[^1].Arrives.AddDays(random.Next(90));
            sealing.Seal(now, policy);
            folded = Math.Max(folded, sealing.Ledger.DossierCount - sealing.Ledger.LiveDossierCount);
            if (random.Next(2) == 0)
            {
                sealing.RoundTrip();
            }

            Compare(sealing, never, now, factTimes, random, $"seed {seed}, at the end {now:O}");
            sealedMonths += sealing.Sealed;
            reopens += sealing.Reopens;
        }, iter: 120, threads: 1);

        sealedMonths.Should().BeGreaterThan(100, "months were sealed");
        reopens.Should().BeGreaterThan(10, "late events and past instants reopened months");
        folded.Should().BeGreaterThan(20, "dossiers left memory");
        runningFolds.Should().BeGreaterThan(10, "running months folded what had closed, and took new receipts beside it");
        packed.Should().BeGreaterThan(100, "sealed months no tally read between passes were packed, and unpacked when one did");
    }

    private static void Compare(ReopeningLedger sealing, UnitLedger never, DateTimeOffset now, List<DateTimeOffset> factTimes, Random random, string because)
    {
        foreach (var period in Periods(random))
        {
            foreach (var at in Times(period, now, factTimes, random))
            {
                var expected = never.Tally(period, at);
                var tally = sealing.Tally(period, at);
                if (tally != expected || tally.ProcessingDays.Scale != expected.ProcessingDays.Scale)
                {
                    tally.Should().Be(expected, $"{period} at {at:O}: {because}");
                    tally.ProcessingDays.Scale.Should().Be(expected.ProcessingDays.Scale, $"{period} at {at:O}: {because}");
                }
            }
        }

        foreach (var at in new[] { now, now.AddDays(-random.Next(60)), now.AddHours(random.Next(500)) })
        {
            sealing.Ledger.NextTurnOverdue(at).Should().Be(never.NextTurnOverdue(at), because);
        }

        sealing.Ledger.DossierCount.Should().Be(never.DossierCount, because);
        sealing.Ledger.PetitionCount.Should().Be(never.PetitionCount, because);
    }

    /// <summary>Months, quarters, the year, and ranges of whole months and of partial ones.</summary>
    private static IEnumerable<Period> Periods(Random random)
    {
        for (var month = 5; month <= 12; month++)
        {
            yield return Period.Month(2026, month);
        }

        for (var quarter = 2; quarter <= 4; quarter++)
        {
            yield return Period.Quarter(2026, quarter);
        }

        yield return Period.Year(2026);
        yield return new Period(PeriodKind.Range, new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 31));
        for (var i = 0; i < 3; i++)
        {
            var first = new DateOnly(2026, 6, 1).AddDays(random.Next(170));
            yield return new Period(PeriodKind.Range, first, first.AddDays(random.Next(100)));
        }
    }

    /// <summary>The evaluation times a unit is asked at (the period's, now), the standard ones of every month, a fact's time (a seal point) and a tick before, and arbitrary instants.</summary>
    private static IEnumerable<DateTimeOffset> Times(Period period, DateTimeOffset now, List<DateTimeOffset> factTimes, Random random)
    {
        var fact = factTimes[random.Next(factTimes.Count)];
        yield return fact;
        yield return fact.AddTicks(-1);
        yield return period.EvaluationTime(now);
        yield return now;
        yield return period.End;
        for (var month = 6; month <= 12; month += 1 + random.Next(3))
        {
            yield return Period.Month(2026, month).End;
        }

        yield return Period.Quarter(2026, 1 + random.Next(4)).End;
        yield return Period.Year(2026).End;
        yield return period.Start.AddHours(random.Next(24 * 200));
        yield return now.AddMinutes(-random.Next(60 * 24 * 30));
    }
}
