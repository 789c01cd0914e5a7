using System.Text;
using GovPulse.Ingest.Security;
using GovPulse.Ingest.Wire;
using Microsoft.Extensions.Time.Testing;
using static GovPulse.Ingest.Tests.WireLines;

namespace GovPulse.Ingest.Tests;

/// <summary>
/// Bad bytes are a line's problem, not the batch's: text that is not valid Unicode, ids with
/// control, formatting or separator characters, and times the event store cannot hold exactly are
/// rejected on their own line, with the field, the reason and the value shown escaped, and the good
/// lines around them are kept. Each bad line sits between two good ones, so it is line 2.
/// </summary>
public sealed class BadBytesTests
{
    private const string Identifier = "ids and codes must be visible text";

    private const string Range = "1900-01-01T00:00:00Z to 2299-12-31T23:59:59.999+07:00";

    /// <summary>The rule's name, the bad line (as UTF-8 bytes), the expected message.</summary>
    public static TheoryData<string, byte[], string> Cases => new()
    {
        // Not valid Unicode: an escaped surrogate without its other half, or bytes that are not UTF-8.
        { "escaped lone high surrogate", Utf8(Completed.With("eventId", "#BYTES#")).Replace("#BYTES#", @"ab\ud800c"),
            @"line 2: eventId 'ab\ud800c' contains a lone surrogate (U+D800) at position 3; expected valid Unicode (an escaped surrogate only as half of a pair)" },
        { "escaped lone low surrogate", Utf8(Completed.With("dossierId", "#BYTES#")).Replace("#BYTES#", @"\uDC00"),
            @"line 2: dossierId '\uDC00' contains a lone surrogate (U+DC00) at position 1; expected valid Unicode (an escaped surrogate only as half of a pair)" },
        { "high surrogate followed by a letter", Utf8(Completed.With("unitCode", "#BYTES#")).Replace("#BYTES#", @"26\ud83d\u0041"),
            @"line 2: unitCode '26\ud83d\u0041' contains a lone surrogate (U+D83D) at position 3; expected valid Unicode (an escaped surrogate only as half of a pair)" },
        { "raw surrogate (CESU-8)", Utf8(Completed.With("eventId", "#BYTES#")).Replace("#BYTES#", [(byte)'x', 0xED, 0xA0, 0x80]),
            @"line 2: eventId 'x\xED\xA0\x80' contains invalid UTF-8 (byte 0xED) at position 2; expected text encoded as UTF-8" },
        { "lone continuation byte", Utf8(Completed.With("eventId", "#BYTES#")).Replace("#BYTES#", [(byte)'a', 0x80, (byte)'b']),
            @"line 2: eventId 'a\x80b' contains invalid UTF-8 (byte 0x80) at position 2; expected text encoded as UTF-8" },
        { "byte 0xFF", Utf8(PetitionResolved.With("petitionId", "#BYTES#")).Replace("#BYTES#", [0xFF]),
            @"line 2: petitionId '\xFF' contains invalid UTF-8 (byte 0xFF) at position 1; expected text encoded as UTF-8" },
        { "overlong encoding of '/'", Utf8(Received.With("procedureCode", "#BYTES#")).Replace("#BYTES#", [(byte)'1', 0xC0, 0xAF]),
            @"line 2: procedureCode '1\xC0\xAF' contains invalid UTF-8 (byte 0xC0) at position 2; expected text encoded as UTF-8" },
        { "sequence cut short", Utf8(Completed.With("eventId", "#BYTES#")).Replace("#BYTES#", [(byte)'e', 0xE2, 0x82]),
            @"line 2: eventId 'e\xE2\x82' contains invalid UTF-8 (bytes 0xE2 0x82) at position 2; expected text encoded as UTF-8" },
        { "code point above U+10FFFF", Utf8(Completed.With("eventId", "#BYTES#")).Replace("#BYTES#", [0xF4, 0x90, 0x80, 0x80]),
            @"line 2: eventId '\xF4\x90\x80\x80' contains invalid UTF-8 (byte 0xF4) at position 1; expected text encoded as UTF-8" },
        { "invalid UTF-8 in a free-text reason", Utf8(Completed.With("type", "DossierRefused").With("reason", "#BYTES#")).Replace("#BYTES#", [(byte)'n', (byte)'o', 0xC3]),
            @"line 2: reason 'no\xC3' contains invalid UTF-8 (byte 0xC3) at position 3; expected text encoded as UTF-8" },
        { "lone surrogate in a free-text reason", Utf8(Completed.With("type", "DossierRefused").With("reason", "#BYTES#")).Replace("#BYTES#", @"\udfff"),
            @"line 2: reason '\udfff' contains a lone surrogate (U+DFFF) at position 1; expected valid Unicode (an escaped surrogate only as half of a pair)" },
        { "invalid UTF-8 in a type", Utf8(Completed.With("type", "#BYTES#")).Replace("#BYTES#", [(byte)'T', 0xFE]),
            $@"line 2: type 'T\xFE' is not a known event type ({Types})" },
        { "lone surrogate in a channel", Utf8(Received.With("channel", "#BYTES#")).Replace("#BYTES#", @"\ud800"),
            @"line 2: channel '\ud800' is not one of online, direct, postal" },
        { "invalid UTF-8 in a time", Utf8(Completed.With("occurredAt", "#BYTES#")).Replace("#BYTES#", [(byte)'2', 0xFF]),
            @"line 2: occurredAt '2\xFF' is not a valid ISO 8601 time with offset" },
        { "invalid UTF-8 inside a value that is not a string", Utf8(Completed).Replace("\"c1\"", [(byte)'[', (byte)'"', 0xFF, (byte)'"', (byte)']']),
            @"line 2: eventId [""\xFF""] is not a string" },

        // Control characters: C0 (NUL, BEL, ESC, tab, line feed), DEL, C1 (NEL, CSI).
        { "NUL", Utf8(Completed.With("eventId", "ab\0")), @"line 2: eventId 'ab\u0000' contains a control character (U+0000) at position 3; " + Identifier },
        { "BEL", Utf8(Completed.With("eventId", "abc\a")), @"line 2: eventId 'abc\u0007' contains a control character (U+0007) at position 4; " + Identifier },
        { "ESC (an ANSI colour)", Utf8(Completed.With("dossierId", "\u001b[31mred")), @"line 2: dossierId '\u001B[31mred' contains a control character (U+001B) at position 1; " + Identifier },
        { "tab", Utf8(Completed.With("unitCode", "26\t737")), @"line 2: unitCode '26\u0009737' contains a control character (U+0009) at position 3; " + Identifier },
        { "line feed and a forged log line", Utf8(Completed.With("eventId", "x\ninfo: admin signed in")),
            @"line 2: eventId 'x\u000Ainfo: admin signed in' contains a control character (U+000A) at position 2; " + Identifier },
        { "DEL, raw", Utf8(Completed.With("eventId", "#BYTES#")).Replace("#BYTES#", [(byte)'a', 0x7F]), @"line 2: eventId 'a\u007F' contains a control character (U+007F) at position 2; " + Identifier },
        { "DEL, escaped", Utf8(Completed.With("eventId", "#BYTES#")).Replace("#BYTES#", @"a\u007f"), @"line 2: eventId 'a\u007F' contains a control character (U+007F) at position 2; " + Identifier },
        { "C1 next line", Utf8(Completed.With("petitionId", "p\u0085").With("type", "PetitionResolved")), @"line 2: petitionId 'p\u0085' contains a control character (U+0085) at position 2; " + Identifier },
        { "C1 control sequence introducer", Utf8(Received.With("procedureCode", "1.0\u009b2J")), @"line 2: procedureCode '1.0\u009B2J' contains a control character (U+009B) at position 4; " + Identifier },
        { "control character in a free-text reason", Utf8(Completed.With("type", "DossierRefused").With("reason", "late\a")),
            @"line 2: reason 'late\u0007' contains a control character (U+0007) at position 5; free text may hold tabs and line breaks but no other control character" },

        // Characters that reorder or hide text, and line breaks that are not control characters.
        { "right-to-left override", Utf8(Completed.With("eventId", "abc\u202Efdp.exe")), @"line 2: eventId 'abc\u202Efdp.exe' contains a bidirectional formatting character (U+202E) at position 4; " + Identifier },
        { "left-to-right embedding", Utf8(Completed.With("eventId", "\u202Aabc")), @"line 2: eventId '\u202Aabc' contains a bidirectional formatting character (U+202A) at position 1; " + Identifier },
        { "left-to-right isolate", Utf8(Completed.With("dossierId", "d\u2066x\u2069")), @"line 2: dossierId 'd\u2066x\u2069' contains a bidirectional formatting character (U+2066) at position 2; " + Identifier },
        { "pop directional isolate", Utf8(Completed.With("unitCode", "26737\u2069")), @"line 2: unitCode '26737\u2069' contains a bidirectional formatting character (U+2069) at position 6; " + Identifier },
        { "right-to-left mark", Utf8(Completed.With("eventId", "e\u200F1")), @"line 2: eventId 'e\u200F1' contains a bidirectional formatting character (U+200F) at position 2; " + Identifier },
        { "left-to-right mark", Utf8(Completed.With("eventId", "e\u200E1")), @"line 2: eventId 'e\u200E1' contains a bidirectional formatting character (U+200E) at position 2; " + Identifier },
        { "zero-width space", Utf8(Completed.With("eventId", "c\u200B1")), @"line 2: eventId 'c\u200B1' contains an invisible formatting character (U+200B) at position 2; " + Identifier },
        { "byte order mark", Utf8(Completed.With("eventId", "\uFEFFc1")), @"line 2: eventId '\uFEFFc1' contains an invisible formatting character (U+FEFF) at position 1; " + Identifier },
        { "line separator", Utf8(Completed.With("eventId", "c\u20281")), @"line 2: eventId 'c\u20281' contains a line separator (U+2028) at position 2; " + Identifier },
        { "paragraph separator", Utf8(Completed.With("eventId", "c\u20291")), @"line 2: eventId 'c\u20291' contains a paragraph separator (U+2029) at position 2; " + Identifier },
        { "format character outside the BMP, after an emoji", Utf8(Completed.With("eventId", "😀\U000E0001")), @"line 2: eventId '😀\uDB40\uDC01' contains an invisible formatting character (U+E0001) at position 2; " + Identifier },

        // Times the event store cannot hold exactly.
        { "year 1 at -14:00", Utf8(Completed.With("occurredAt", "0001-01-01T00:00:00-14:00")),
            $"line 2: occurredAt '0001-01-01T00:00:00-14:00' is outside the times the event store holds exactly ({Range}); expected a time in that range" },
        { "just before 1900 UTC", Utf8(Completed.With("occurredAt", "1899-12-31T23:59:59.999Z")),
            $"line 2: occurredAt '1899-12-31T23:59:59.999Z' is outside the times the event store holds exactly ({Range}); expected a time in that range" },
        { "a due time in 2300", Utf8(Received.With("dueAt", "2300-01-01T00:00:00+07:00")),
            $"line 2: dueAt '2300-01-01T00:00:00+07:00' is outside the times the event store holds exactly ({Range}); expected a time in that range" },
        { "a new due time just after 2299 in Vietnam", Utf8(Completed.With("type", "ApologyIssued").With("newDueAt", "2299-12-31T17:00:00Z")),
            $"line 2: newDueAt '2299-12-31T17:00:00Z' is outside the times the event store holds exactly ({Range}); expected a time in that range" },
        { "a petition due in 9999", Utf8(PetitionReceived.With("dueAt", "9999-12-31T23:59:59Z")),
            $"line 2: dueAt '9999-12-31T23:59:59Z' is outside the times the event store holds exactly ({Range}); expected a time in that range" },
        { "leap second", Utf8(Completed.With("occurredAt", "2016-12-31T23:59:60Z")),
            "line 2: occurredAt '2016-12-31T23:59:60Z' is a leap second (second 60), which the event store cannot hold; expected seconds 00 to 59" },
        { "leap second with a fraction and an offset", Utf8(Received.With("dueAt", "2027-01-01T06:59:60.5+07:00")),
            "line 2: dueAt '2027-01-01T06:59:60.5+07:00' is a leap second (second 60), which the event store cannot hold; expected seconds 00 to 59" },
    };

    private const string Types =
        "DossierReceived, SupplementRequested, SupplementReceived, ProcessingCompleted, ResultReturned, DossierRefused, DossierWithdrawn, "
        + "ApologyIssued, PaymentCompleted, DossierDigitized, DossierSynced, DossierRated, PetitionReceived, PetitionResolved, PetitionRated";

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_bad_line_is_rejected_with_its_field_and_reason_and_the_good_lines_of_the_batch_are_kept(string rule, byte[] line, string expected)
    {
        var batch = Read(Utf8(Completed.With("eventId", "ok-before")), line, Utf8(Completed.With("eventId", "ok-after")));

        batch.Rejected.Should().ContainSingle(rule).Which.Error.Should().Be(expected);
        batch.Lines.Select(l => l.Event.EventId).Should().Equal(["ok-before", "ok-after"], "every good line of the batch is kept");
    }

    [Fact]
    public void A_json_array_with_a_bad_element_keeps_its_other_elements()
    {
        var body = Utf8("[" + Completed.With("eventId", "a1") + ",")
            .Concat(Utf8(Completed.With("eventId", "#BYTES#")).Replace("#BYTES#", [0xC3, 0x28]))
            .Concat(Utf8("," + Completed.With("eventId", "a3") + "]"))
            .ToArray();

        var batch = EventLineReader.Read(body, Rules());

        batch.Lines.Select(l => l.Event.EventId).Should().Equal("a1", "a3");
        batch.Rejected.Single().Error.Should().Be(@"line 2: eventId '\xC3(' contains invalid UTF-8 (byte 0xC3) at position 1; expected text encoded as UTF-8");
    }

    [Fact]
    public void The_rejection_names_the_event_id_only_when_the_id_itself_is_good()
    {
        var batch = Read(
            Utf8(Completed.With("eventId", "bad\a")),
            Utf8(Completed.With("eventId", "#BYTES#")).Replace("#BYTES#", @"\ud800"),
            Utf8(Completed.With("eventId", "good-id").With("dossierId", "d\u202E")));

        batch.Rejected.Select(r => r.EventId).Should().Equal(null, null, "good-id");
    }

    [Fact]
    public void Bad_bytes_in_a_field_nobody_reads_do_not_matter()
    {
        var unknownField = Utf8(Completed.With("note", "#BYTES#")).Replace("#BYTES#", [0xFF, 0xFE]);
        var unknownName = Utf8(Completed.With("eventId", "c2").With("#BYTES#", 1)).Replace("#BYTES#", [0xC3]);

        var batch = Read(unknownField, unknownName);

        batch.Rejected.Should().BeEmpty("unknown extra fields are ignored (api-v1 §1)");
        batch.Lines.Should().HaveCount(2);
    }

    [Fact]
    public void Ordinary_non_ascii_text_is_accepted_in_ids_and_free_text()
    {
        var batch = Read(
            Utf8(Completed.With("eventId", "hồ-sơ-Đ1-😀").With("dossierId", "Nguyễn/2026")),
            Utf8(Completed.With("eventId", "r2").With("type", "DossierRefused").With("reason", "Thiếu giấy tờ\r\n\tbản sao\u202E (RLO in prose is text)")));

        batch.Rejected.Should().BeEmpty();
        batch.Lines.Select(l => l.Event.EventId).Should().Equal("hồ-sơ-Đ1-😀", "r2");
        batch.Lines[1].Event.Reason.Should().Be("Thiếu giấy tờ\r\n\tbản sao\u202E (RLO in prose is text)");
    }

    [Theory]
    [InlineData("occurredAt", "1900-01-01T00:00:00Z")]
    [InlineData("occurredAt", "1900-01-01T07:00:00+07:00")]
    [InlineData("dueAt", "2299-12-31T23:59:59.999+07:00")]
    [InlineData("dueAt", "2299-12-31T16:59:59.999Z")]
    public void The_ends_of_the_stored_range_are_accepted(string field, string time)
    {
        var line = field == "dueAt" ? Received.With("dueAt", time) : Completed.With("occurredAt", time);

        Read(Utf8(line)).Rejected.Should().BeEmpty();
    }

    [Fact]
    public void A_value_shown_in_a_message_is_cut_after_64_characters_and_still_escaped()
    {
        var id = new string('x', 63) + "\a" + new string('y', 100);

        var error = Read(Utf8(Completed.With("eventId", id))).Rejected.Single().Error;

        error.Should().Be($@"line 1: eventId '{new string('x', 63)}\u0007…' contains a control character (U+0007) at position 64; " + Identifier);
    }

    private static ParsedBatch Read(params byte[][] lines) =>
        EventLineReader.Read(lines.Aggregate((a, b) => [.. a, (byte)'\n', .. b]), Rules());

    private static BatchRules Rules() => BatchRules.From(new IngestOptions(), new FakeTimeProvider(Now));

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
