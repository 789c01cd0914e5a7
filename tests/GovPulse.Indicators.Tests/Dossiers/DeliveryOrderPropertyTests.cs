using CsCheck;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Dossiers;

/// <summary>
/// Issue 13: conflicting facts resolve by rules that do not depend on arrival order, so every delivery
/// order, with a snapshot written and read back between any two events and any events told again,
/// gives the figures of the in-order run.
/// </summary>
public sealed class DeliveryOrderPropertyTests
{
    private static readonly Period[] Periods = [Period.Month(2026, 9), Period.Month(2026, 10), Period.Quarter(2026, 3)];

    public static TheoryData<string> SetNames => [.. ConflictingEvents.Sets.Keys];

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Every_order_with_a_rebuild_between_any_two_events_gives_the_in_order_figures(string set)
    {
        var events = ConflictingEvents.Sets[set];
        var times = EvaluationTimes(events);
        var expected = Observe(Ledgers.Build(events), times);
        var runs = 0;
        foreach (var order in Permutations(events.Count))
        {
            var delivered = order.Select(i => events[i]).ToList();
            for (var cut = 0; cut <= delivered.Count; cut++)
            {
                // Restored from a snapshot of the first `cut` events; the log's overlap (from `again` up
                // to the cut) is told again before the rest, as a rebuild from a conservative position does.
                for (var again = 0; again <= cut; again++)
                {
                    var ledger = Ledgers.RoundTrip(Ledgers.Build(delivered.Take(cut)));
                    foreach (var e in delivered.Take(cut).Skip(again))
                    {
                        if (ledger.Apply(e))
                        {
                            Assert.Fail($"{e.EventId} is held by the snapshot, yet applying it again changed the ledger ({Describe(delivered, cut)})");
                        }
                    }

                    foreach (var e in delivered.Skip(cut))
                    {
                        ledger.Apply(e);
                    }

                    var observed = Observe(ledger, times);
                    if (!observed.SequenceEqual(expected))
                    {
                        observed.Should().Equal(expected, $"the figures must not depend on the order: {Describe(delivered, cut)}, then {delivered.Count - again} re-applied from {again}");
                    }

                    runs++;
                }
            }
        }

        runs.Should().BeGreaterThan(events.Count);
    }

    [Theory]
    [MemberData(nameof(SetNames))]
    public void Apply_says_changed_exactly_when_the_ledger_s_facts_change(string set)
    {
        var events = ConflictingEvents.Sets[set];
        foreach (var order in Permutations(events.Count))
        {
            var ledger = new UnitLedger(WorkingDayCalendar.Vietnam);
            var before = Ledgers.Snapshot(ledger);
            foreach (var e in order.Select(i => events[i]))
            {
                var changed = ledger.Apply(e);
                var after = Ledgers.Snapshot(ledger);
                if (changed == after.AsSpan().SequenceEqual(before))
                {
                    Assert.Fail($"{e.EventId} in the order {string.Join(", ", order.Select(i => events[i].EventId))}: Apply said changed={changed}, the snapshot says otherwise");
                }

                before = after;
            }

            events.Select(ledger.Apply).Should().AllBeEquivalentTo(false, "every event is held already");
        }
    }

    [Fact]
    public void Shuffled_duplicated_and_rebuilt_deliveries_of_conflicting_streams_give_the_in_order_figures()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var events = ConflictingEvents.Sets.Values.SelectMany(s => s).Concat(WithConflicts(RandomUnitStream.Of(random), random)).ToList();
            var times = new[] { At(9, 3, 10), At(9, 10, 9, 30), At(9, 15, 12), At(9, 22, 9), At(9, 30, 23), At(10, 1, 9), At(10, 6, 10), At(10, 20, 8) };
            var expected = Observe(Ledgers.Build(events), times);

            // Any order, some events twice, and up to three rebuilds, each re-applying part of what its
            // snapshot already holds (in any order) before the delivery goes on.
            var delivered = events.Concat(events.Where(_ => random.Next(4) == 0)).OrderBy(_ => random.Next()).ToList();
            var cuts = Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(delivered.Count + 1)).Order().ToList();
            var ledger = new UnitLedger(WorkingDayCalendar.Vietnam);
            var applied = 0;
            foreach (var cut in cuts.Append(delivered.Count))
            {
                for (; applied < cut; applied++)
                {
                    ledger.Apply(delivered[applied]);
                }

                if (cut == delivered.Count)
                {
                    break;
                }

                ledger = Ledgers.RoundTrip(ledger);
                foreach (var e in delivered.Take(cut).Skip(random.Next(cut + 1)).OrderBy(_ => random.Next()))
                {
                    ledger.Apply(e).Should().BeFalse($"{e.EventId} is held by the snapshot");
                }
            }

            Observe(ledger, times).Should().Equal(expected, $"seed {seed}, rebuilt after {string.Join(", ", cuts)} of {delivered.Count}");
        }, iter: 100);
    }

    /// <summary>
    /// The stream with conflicts added to about half its dossiers: a second receipt somewhat earlier or
    /// later with other content, sometimes one at the very same time, another completion, a second rating.
    /// </summary>
    private static IEnumerable<UnitEvent> WithConflicts(List<UnitEvent> stream, Random random)
    {
        foreach (var e in stream)
        {
            yield return e;
            if (e.Type != EventType.DossierReceived || random.Next(2) == 0)
            {
                continue;
            }

            var id = e.DossierId!;
            var at = random.Next(4) == 0 ? e.OccurredAt : e.OccurredAt.AddMinutes(random.Next(-600, 600));
            yield return ConflictingEvents.Receipt(
                id, $"{id}-again-{random.Next(100)}", at, due: random.Next(3) == 0 ? null : at.AddHours(4 + random.Next(150)),
                workingDays: random.Next(1, 6), procedure: random.Next(2) == 0 ? "1.000894" : "2.001",
                channel: (Channel)random.Next(3), fee: random.Next(2) * 15_000, paperResult: random.Next(2) == 0, citizenData: random.Next(2) == 0);
            if (random.Next(2) == 0)
            {
                yield return ConflictingEvents.Fact(id, $"{id}-done-again", EventType.ProcessingCompleted, at.AddHours(random.Next(200)));
            }

            if (random.Next(2) == 0)
            {
                yield return ConflictingEvents.Fact(id, $"{id}-rated-again", EventType.DossierRated, e.OccurredAt.AddHours(100)) with { Rating = (Rating)random.Next(3), Complaint = random.Next(2) == 0 };
            }
        }
    }

    /// <summary>
    /// What the unit shows: the tally of each period, the next moment a dossier turns overdue and the
    /// list of open dossiers to chase, at each evaluation time; and how many dossiers and petitions it holds.
    /// </summary>
    private static List<object?> Observe(UnitLedger ledger, IEnumerable<DateTimeOffset> times)
    {
        var seen = new List<object?> { ledger.DossierCount, ledger.PetitionCount };
        foreach (var at in times)
        {
            foreach (var period in Periods)
            {
                seen.Add(ledger.Tally(period, at));
            }

            seen.Add(ledger.NextTurnOverdue(at));
            var chase = ChaseList.Of(ledger, ChaseStatus.InProgress, at, 0, 100);
            seen.Add(chase.Counts);
            seen.Add(chase.Total);
            seen.Add(chase.MostUrgentDue);
            seen.AddRange(chase.Dossiers);
        }

        return seen;
    }

    /// <summary>The moments the figures of these events can change at (each fact's time and due time), a minute either side, and the period ends.</summary>
    private static List<DateTimeOffset> EvaluationTimes(IEnumerable<UnitEvent> events) =>
        [.. events.SelectMany(e => new[] { e.OccurredAt, e.DueAt })
            .OfType<DateTimeOffset>()
            .SelectMany(t => new[] { t.AddMinutes(-1), t, t.AddMinutes(1) })
            .Concat(Periods.Select(p => p.End))
            .Distinct()
            .Order()];

    private static string Describe(List<UnitEvent> delivered, int cut) =>
        $"delivered {string.Join(", ", delivered.Take(cut).Select(e => e.EventId))} | snapshot | {string.Join(", ", delivered.Skip(cut).Select(e => e.EventId))}";

    /// <summary>Every order of 0..n-1 (Heap's algorithm).</summary>
    private static IEnumerable<int[]> Permutations(int n)
    {
        var order = Enumerable.Range(0, n).ToArray();
        var counters = new int[n];
        yield return [.. order];
        var i = 0;
        while (i < n)
        {
            if (counters[i] < i)
            {
                var other = i % 2 == 0 ? 0 : counters[i];
                (order[other], order[i]) = (order[i], order[other]);
                yield return [.. order];
                counters[i]++;
                i = 0;
            }
            else
            {
                counters[i] = 0;
                i++;
            }
        }
    }
}
