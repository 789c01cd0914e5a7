using System.Text;
using CsCheck;
using GovPulse.Ingest.Security;
using GovPulse.Ingest.Wire;
using Microsoft.Extensions.Time.Testing;
using static GovPulse.Ingest.Tests.WireLines;

namespace GovPulse.Ingest.Tests;

/// <summary>Whatever bytes one line holds, reading the batch does not throw and the other lines are kept.</summary>
public sealed class BadBytesProperties
{
    private static readonly byte[] Before = Encoding.UTF8.GetBytes(Completed.With("eventId", "ok-before"));

    private static readonly byte[] After = Encoding.UTF8.GetBytes(Completed.With("eventId", "ok-after"));

    /// <summary>Bytes biased towards what breaks text: UTF-8 lead and continuation bytes, controls, quotes, backslashes and escapes.</summary>
    private static readonly Gen<byte[]> Garbage = Gen.OneOf(
            Gen.Byte.Select(b => new[] { b }),
            Gen.OneOf<byte>(0x00, 0x07, 0x1B, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF8, 0xFF, (byte)'"', (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'{', (byte)'\r').Select(b => new[] { b }),
            Gen.OneOf("\\ud800"u8.ToArray(), "\\udc00"u8.ToArray(), "\\u202e"u8.ToArray(), "\\u0000"u8.ToArray(), "\u202E"u8.ToArray(), "\u2028"u8.ToArray(), "\\"u8.ToArray()))
        .Array[0, 60]
        .Select(chunks => chunks.SelectMany(c => c).ToArray());

    [Fact]
    public void Garbage_as_a_whole_line_never_throws_and_never_loses_the_other_lines()
    {
        Garbage.Sample(garbage => KeepsTheGoodLines(garbage.Where(b => b != (byte)'\n').ToArray()), iter: 2_000);
    }

    [Fact]
    public void Garbage_inside_a_string_field_never_throws_and_never_loses_the_other_lines()
    {
        Gen.Select(Garbage, Gen.OneOf("eventId", "dossierId", "unitCode", "type", "occurredAt", "reason", "procedureCode", "somethingNew"))
            .Sample((garbage, field) =>
            {
                var template = field is "reason" ? Completed.With("type", "DossierRefused") : field is "procedureCode" ? Received.With("eventId", "g1") : Completed.With("eventId", "g1");
                var line = Encoding.UTF8.GetBytes(template.With(field, "#BYTES#")).Replace("#BYTES#", garbage.Where(b => b != (byte)'\n').ToArray());
                KeepsTheGoodLines(line);
            }, iter: 2_000);
    }

    private static void KeepsTheGoodLines(byte[] line)
    {
        var body = (byte[])[.. Before, (byte)'\n', .. line, (byte)'\n', .. After];

        var batch = EventLineReader.Read(body, BatchRules.From(new IngestOptions(), new FakeTimeProvider(Now)));

        batch.Lines.Where(l => l.Line != 2).Select(l => (l.Line, l.Event.EventId)).Should().Equal((1, "ok-before"), (3, "ok-after"));
        batch.Lines.Count(l => l.Line == 2).Should().Be(line.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or 0xEF or 0xBB or 0xBF) ? 0 : 1 - batch.Rejected.Count, "line 2 is either kept or rejected, unless blank");
        batch.Rejected.Should().HaveCountLessThanOrEqualTo(1);
        batch.Rejected.All(r => r.Line == 2 && r.Error.StartsWith("line 2: ", StringComparison.Ordinal)).Should().BeTrue();
        batch.Rejected.All(r => !r.Error.Any(char.IsControl) && !HasLoneSurrogate(r.Error))
            .Should().BeTrue("a message shows bad characters escaped: {0}", string.Join(" | ", batch.Rejected.Select(r => r.Error)));
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                return true;
            }
        }

        return false;
    }
}
