using CsCheck;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Snapshots;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Dossiers;

public sealed class LedgerSnapshotTests
{
    private static readonly Period September = Period.Month(2026, 9);
    private static readonly Period ThirdQuarter = Period.Quarter(2026, 3);

    [Fact]
    public void A_snapshot_plus_the_tail_answers_exactly_as_a_full_replay()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var events = RandomUnitStream.Of(random).Concat(RandomPetitions(random)).Concat(DossiersDueByWorkingDays(random)).ToList();
            var full = Ledgers.Build(events);

            // The snapshot covers a prefix of the delivery; the tail is replayed on top, together with
            // part of the prefix again (a snapshot's position is conservative, so some events come twice).
            var delivered = events.OrderBy(_ => random.Next()).ToList();
            var cut = random.Next(delivered.Count + 1);
            var restored = Ledgers.RoundTrip(Ledgers.Build(delivered.Take(cut)));
            foreach (var e in delivered.Skip(cut).Concat(delivered.Take(cut).Where(_ => random.Next(3) == 0)))
            {
                restored.Apply(e);
            }

            restored.DossierCount.Should().Be(full.DossierCount);
            restored.PetitionCount.Should().Be(full.PetitionCount);
            foreach (var evaluatedAt in new[] { At(9, 3, 10), At(9, 15, 12), At(9, 22, 9), At(10, 2, 8), September.End })
            {
                restored.Tally(September, evaluatedAt).Should().Be(full.Tally(September, evaluatedAt));
                restored.Tally(ThirdQuarter, evaluatedAt).Should().Be(full.Tally(ThirdQuarter, evaluatedAt));
                restored.NextTurnOverdue(evaluatedAt).Should().Be(full.NextTurnOverdue(evaluatedAt));
            }
        }, iter: 150);
    }

    [Fact]
    public void A_restored_dossier_keeps_every_fact_with_its_original_offset()
    {
        var utc = new DateTimeOffset(2026, 9, 14, 2, 30, 0, TimeSpan.Zero);
        var history = new DossierHistory("d-offset")
            .Received(utc, due: null, workingDays: 3, channel: Channel.Online, fee: 12_500.5m, paperResult: true, citizenData: true)
            .SupplementRequested(At(9, 14, 15))
            .SupplementReceived(At(9, 16, 9))
            .Completed(At(9, 18, 10))
            .ResultReturned(At(9, 18, 11), electronic: true)
            .Digitized(At(9, 14, 10), reused: true, linked: true)
            .Rated(At(9, 20, 8), Rating.Dissatisfied, complaint: true);

        var restored = Ledgers.RoundTrip(Ledgers.Build(history.Events)).Find("d-offset")!;
        var original = Ledgers.Build(history.Events).Find("d-offset")!;

        restored.Receipt.Should().Be(original.Receipt);
        restored.Receipt!.ReceivedAt.Offset.Should().Be(TimeSpan.Zero);
        restored.CompletedAt!.Value.Offset.Should().Be(Vietnam);
        restored.SupplementRequestCount.Should().Be(1);
        restored.ElectronicResult.Should().BeTrue();
        restored.ReusedData.Should().BeTrue();
        restored.PersonalStoreLinked.Should().BeTrue();
        restored.Rating.Should().Be(Rating.Dissatisfied);
        restored.Complaint.Should().BeTrue();
        restored.Judge(At(9, 30, 17), WorkingDayCalendar.Vietnam).Should().Be(original.Judge(At(9, 30, 17), WorkingDayCalendar.Vietnam));
    }

    [Fact]
    public void Re_applying_an_event_the_snapshot_holds_changes_nothing()
    {
        var history = new DossierHistory("d1").Received(At(9, 14, 9), At(9, 16, 17)).SupplementRequested(At(9, 14, 10)).Rated(At(9, 15, 8), Rating.Satisfied);
        var restored = Ledgers.RoundTrip(Ledgers.Build(history.Events));

        history.Events.Select(restored.Apply).Should().AllBeEquivalentTo(false);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 })]
    public void Something_that_is_not_a_snapshot_is_refused(byte[] bytes)
    {
        var read = () => UnitLedger.FromSegments(new MemoryStream(bytes), [], WorkingDayCalendar.Vietnam);

        read.Should().Throw<SnapshotFormatException>();
    }

    [Fact]
    public void A_cut_off_snapshot_is_refused()
    {
        var bytes = Ledgers.Snapshot(Ledgers.Build(RandomUnitStream.Of(new Random(7))));

        var read = () => UnitLedger.FromSegments(new MemoryStream(bytes[..(bytes.Length / 2)]), [], WorkingDayCalendar.Vietnam);

        read.Should().Throw<SnapshotFormatException>();
    }

    private static IEnumerable<UnitEvent> RandomPetitions(Random random)
    {
        for (var i = 0; i < 4; i++)
        {
            var received = At(9, 1 + random.Next(25), 8 + random.Next(9));
            var id = $"p{i}";
            yield return Petition(id, EventType.PetitionReceived, received) with { DueAt = received.AddDays(1 + random.Next(10)) };
            if (random.Next(2) == 0)
            {
                yield return Petition(id, EventType.PetitionResolved, received.AddDays(random.Next(12)));
            }

            if (random.Next(2) == 0)
            {
                yield return Petition(id, EventType.PetitionRated, received.AddDays(12)) with { Satisfied = random.Next(2) == 0, RepeatComplaint = random.Next(4) == 0 };
            }
        }
    }

    private static IEnumerable<UnitEvent> DossiersDueByWorkingDays(Random random)
    {
        for (var i = 0; i < 3; i++)
        {
            var received = At(9, 1 + random.Next(25), 8 + random.Next(9));
            var history = new DossierHistory($"w{i}").Received(received, due: null, workingDays: 1 + random.Next(5));
            if (random.Next(2) == 0)
            {
                history.Completed(received.AddHours(random.Next(200)));
            }

            foreach (var e in history.Events)
            {
                yield return e;
            }
        }
    }

    private static UnitEvent Petition(string id, EventType type, DateTimeOffset at) =>
        new() { EventId = $"{id}-{type}", Type = type, OccurredAt = at, UnitCode = "26737", PetitionId = id };
}
