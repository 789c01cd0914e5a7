using System.Text;
using GovPulse.Ingest.Security;
using GovPulse.Ingest.Wire;
using Microsoft.Extensions.Time.Testing;
using static GovPulse.Ingest.Tests.WireLines;

namespace GovPulse.Ingest.Tests;

/// <summary>
/// One row per validation rule of api-v1 §1: the exact message of the rejected line, and the valid
/// lines around it kept. Each bad line sits between two good ones, so it is line 2 (the repeated-id
/// row: line 3).
/// </summary>
public sealed class EventValidationTests
{
    private const string Types =
        "DossierReceived, SupplementRequested, SupplementReceived, ProcessingCompleted, ResultReturned, DossierRefused, DossierWithdrawn, "
        + "ApologyIssued, PaymentCompleted, DossierDigitized, DossierSynced, DossierRated, PetitionReceived, PetitionResolved, PetitionRated";

    private static readonly string LongId = new('x', 129);

    public static TheoryData<string, string[], string> Rules => new()
    {
        {
            "unknown type", [Received.With("type", "DossierLost")],
            $"line 2: type 'DossierLost' is not a known event type ({Types})"
        },
        {
            "unknown type, long value cut", [Received.With("type", new string('T', 100))],
            $"line 2: type '{new string('T', 64)}…' is not a known event type ({Types})"
        },
        {
            "type in the wrong case", [Received.With("type", "dossierReceived")],
            $"line 2: type 'dossierReceived' is not a known event type ({Types})"
        },
        {
            "missing type", [Received.Without("type")],
            $"line 2: type is missing; every event needs one of {Types}"
        },
        {
            "missing dossier id", [Completed.Without("dossierId")],
            "line 2: dossierId is missing; a dossier event (ProcessingCompleted) needs a non-empty string of at most 128 characters"
        },
        {
            "missing petition id", [PetitionResolved.Without("petitionId")],
            "line 2: petitionId is missing; a petition event (PetitionResolved) needs a non-empty string of at most 128 characters"
        },
        {
            "missing common field", [Received.Without("occurredAt")],
            "line 2: occurredAt is missing; every event needs an ISO 8601 time with offset"
        },
        {
            "null counts as missing", [Received.With("unitCode", null)],
            "line 2: unitCode is missing; every event needs a non-empty string of at most 64 characters"
        },
        {
            "empty id", [Received.With("eventId", "")],
            "line 2: eventId '' is empty; every event needs a non-empty string of at most 128 characters"
        },
        {
            "id that is not a string", [Received.With("eventId", 42)],
            "line 2: eventId 42 is not a string"
        },
        {
            "oversize event id", [Received.With("eventId", LongId)],
            $"line 2: eventId '{new string('x', 64)}…' is 129 characters long; at most 128 are allowed"
        },
        {
            "oversize dossier id", [Completed.With("dossierId", LongId)],
            $"line 2: dossierId '{new string('x', 64)}…' is 129 characters long; at most 128 are allowed"
        },
        {
            "oversize petition id", [PetitionResolved.With("petitionId", LongId)],
            $"line 2: petitionId '{new string('x', 64)}…' is 129 characters long; at most 128 are allowed"
        },
        {
            "oversize unit code", [Completed.With("unitCode", new string('7', 65))],
            $"line 2: unitCode '{new string('7', 64)}…' is 65 characters long; at most 64 are allowed"
        },
        {
            "time without offset", [Received.With("occurredAt", "2026-09-18T08:00:00")],
            "line 2: occurredAt '2026-09-18T08:00:00' is not a valid ISO 8601 time with offset"
        },
        {
            "impossible date", [Received.With("occurredAt", "2026-13-01T09:30:00+07:00")],
            "line 2: occurredAt '2026-13-01T09:30:00+07:00' is not a valid ISO 8601 time with offset"
        },
        {
            "time as a number", [Completed.With("occurredAt", 1789713000)],
            "line 2: occurredAt 1789713000 is not a valid ISO 8601 time with offset"
        },
        {
            "missing time of a type", [Completed.With("type", "ApologyIssued")],
            "line 2: newDueAt is missing; ApologyIssued needs an ISO 8601 time with offset"
        },
        {
            "bad channel", [Received.With("channel", "fax")],
            "line 2: channel 'fax' is not one of online, direct, postal"
        },
        {
            "channel in the wrong case", [Received.With("channel", "Online")],
            "line 2: channel 'Online' is not one of online, direct, postal"
        },
        {
            "missing channel", [Received.Without("channel")],
            "line 2: channel is missing; DossierReceived needs one of online, direct, postal"
        },
        {
            "bad rating", [Rated.With("rating", "happy")],
            "line 2: rating 'happy' is not one of satisfied, neutral, dissatisfied"
        },
        {
            "rating as a number", [Rated.With("rating", 5)],
            "line 2: rating 5 is not one of satisfied, neutral, dissatisfied"
        },
        {
            "bad boolean", [Received.With("paperResult", "yes")],
            "line 2: paperResult 'yes' is not true or false"
        },
        {
            "missing boolean", [Paid.Without("online")],
            "line 2: online is missing; PaymentCompleted needs true or false"
        },
        {
            "negative fee", [Received.With("fee", -5)],
            "line 2: fee -5 is negative; expected an amount in VND, 0 or more"
        },
        {
            "fee that is not a number", [Received.With("fee", "free")],
            "line 2: fee 'free' is not a number; expected an amount in VND, 0 or more"
        },
        {
            "negative payment", [Paid.With("amount", -20000)],
            "line 2: amount -20000 is negative; expected an amount in VND, 0 or more"
        },
        {
            "working days not whole", [Received.Without("dueAt").With("statutoryWorkingDays", 2.5)],
            "line 2: statutoryWorkingDays 2.5 is not a whole number in 0..3650"
        },
        {
            "working days out of range", [Received.Without("dueAt").With("statutoryWorkingDays", 5000)],
            "line 2: statutoryWorkingDays 5000 is not a whole number in 0..3650"
        },
        {
            "no due time at all", [Received.Without("dueAt")],
            "line 2: dueAt and statutoryWorkingDays are both missing; DossierReceived needs one of them"
        },
        {
            "dossier due before receipt", [Received.With("dueAt", "2026-09-17T17:00:00+07:00")],
            "line 2: dueAt '2026-09-17T17:00:00+07:00' is before the receipt time occurredAt '2026-09-18T09:30:00+07:00'; expected a due time at or after receipt"
        },
        {
            "petition due before receipt", [PetitionReceived.With("dueAt", "2026-09-18T09:29:59+07:00")],
            "line 2: dueAt '2026-09-18T09:29:59+07:00' is before the receipt time occurredAt '2026-09-18T02:30:00Z'; expected a due time at or after receipt"
        },
        {
            "far in the future", [Received.With("occurredAt", "2026-09-18T11:00:01+07:00")],
            "line 2: occurredAt '2026-09-18T11:00:01+07:00' is more than 1 hour ahead of this node's clock (2026-09-18T10:00:00+07:00); "
            + "expected a time that has already happened (check the sending system's clock and time zone)"
        },
        {
            "far in the future, in another offset", [Completed.With("occurredAt", "2026-09-18T04:30:00Z")],
            "line 2: occurredAt '2026-09-18T04:30:00Z' is more than 1 hour ahead of this node's clock (2026-09-18T03:00:00+00:00); "
            + "expected a time that has already happened (check the sending system's clock and time zone)"
        },
        {
            "same event id, different content", [Received, Received.With("fee", 5000)],
            "line 3: eventId 'e1' is already used by line 2 for a different event; expected a repeat to be identical to line 2, or a new eventId for a new event"
        },
        {
            "not an object", ["[1,2]"],
            "line 2: an event must be a JSON object, not [1,2]"
        },
        {
            "not JSON", ["{broken"],
            "line 2: not valid JSON ('b' is an invalid start of a property name); expected one JSON object per line"
        },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Each_rule_rejects_its_line_with_a_precise_message_and_keeps_the_valid_lines(string rule, string[] lines, string expected)
    {
        var before = Completed.With("eventId", "ok-before");
        var after = Completed.With("eventId", "ok-after");

        var batch = Read([before, .. lines, after]);

        batch.Rejected.Should().ContainSingle(rule).Which.Error.Should().Be(expected);
        batch.Lines.Select(l => l.Event.EventId).Should().StartWith("ok-before").And.EndWith("ok-after");
        batch.Lines.Should().HaveCount(lines.Length + 1, "every other line of the batch is kept");
    }

    [Fact]
    public void The_rejection_carries_the_line_and_the_event_id()
    {
        var batch = Read(Completed, Received.With("fee", -1));

        batch.Rejected.Single().Should().Be(new Rejection(2, "e1", "line 2: fee -1 is negative; expected an amount in VND, 0 or more"));
    }

    [Fact]
    public void An_exact_repeat_in_one_batch_is_kept_for_the_pipeline_to_count_as_a_duplicate()
    {
        var sameFactsWrittenDifferently = """{"unitCode":"26737","type":"DossierReceived","eventId":"e1","dossierId":"d1","occurredAt":"2026-09-18T02:30:00Z","procedureCode":"1.001193","channel":"online","dueAt":"2026-09-21T10:00:00Z","fee":0.0,"paperResult":true,"citizenData":true}""";

        var batch = Read(Received, Received, sameFactsWrittenDifferently);

        batch.Rejected.Should().BeEmpty();
        batch.Lines.Select(l => l.Line).Should().Equal(1, 2, 3);
    }

    [Fact]
    public void A_repeat_of_a_rejected_line_is_judged_on_its_own()
    {
        var batch = Read(Received.With("fee", -1), Received);

        batch.Rejected.Single().Line.Should().Be(1);
        batch.Lines.Single().Line.Should().Be(2);
    }

    [Theory]
    [InlineData("2026-09-18T10:59:59+07:00")]
    [InlineData("2026-09-18T11:00:00+07:00")]
    [InlineData("2026-09-18T04:00:00Z")]
    public void Up_to_the_tolerance_ahead_of_the_clock_is_accepted(string occurredAt)
    {
        Read(Completed.With("occurredAt", occurredAt)).Rejected.Should().BeEmpty();
    }

    [Fact]
    public void The_future_tolerance_is_a_setting()
    {
        var options = new IngestOptions { FutureTolerance = TimeSpan.FromMinutes(5) };
        var rules = BatchRules.From(options, new FakeTimeProvider(Now));

        var batch = EventLineReader.Read(Encoding.UTF8.GetBytes(Completed.With("occurredAt", "2026-09-18T10:06:00+07:00")), rules);

        batch.Rejected.Single().Error.Should().StartWith("line 1: occurredAt '2026-09-18T10:06:00+07:00' is more than 5 minutes ahead of this node's clock (2026-09-18T10:00:00+07:00)");
    }

    [Fact]
    public void Times_with_Z_fractions_or_any_offset_are_accepted()
    {
        var batch = Read(
            Completed.With("occurredAt", "2026-09-18T02:45:00Z"),
            Completed.With("eventId", "c2").With("occurredAt", "2026-09-18T09:45:00.1234567+07:00"),
            Completed.With("eventId", "c3").With("occurredAt", "2026-09-17T21:45-05:00"));

        batch.Rejected.Should().BeEmpty();
        batch.Lines.Should().HaveCount(3);
    }

    private static ParsedBatch Read(params string[] lines) =>
        EventLineReader.Read(Encoding.UTF8.GetBytes(string.Join("\n", lines)), BatchRules.From(new IngestOptions(), new FakeTimeProvider(Now)));
}
