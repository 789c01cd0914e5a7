using System.Text;
using GovPulse.Ingest.Security;
using GovPulse.Ingest.Wire;
using static GovPulse.Ingest.Tests.WireLines;

namespace GovPulse.Ingest.Tests;

/// <summary>The size limits refuse the whole body (HTTP 413) and say the limit, its setting and what to do instead.</summary>
public sealed class BatchLimitsTests
{
    private static readonly BatchRules Small = new(Now, TimeSpan.FromHours(1), MaxLineBytes: 1024, MaxLinesPerBatch: 3);

    [Fact]
    public void A_line_longer_than_the_limit_refuses_the_batch()
    {
        var tooLong = Completed.With("note", new string('n', 1024));

        var read = () => Read(Completed, tooLong);

        var refused = read.Should().Throw<BatchTooLargeException>().Which;
        refused.Message.Should().Be(
            $"Line 2 is {Encoding.UTF8.GetByteCount(tooLong)} bytes long; at most 1 KiB (1024 bytes) per event are allowed, the limit set by GovPulse:Ingest:MaxLineBytes. "
            + "Send one event per line (an event is normally well under 1 KiB) and split the batch if it gets too large.");
        refused.Limit.Should().Be(1024);
        refused.Setting.Should().Be("GovPulse:Ingest:MaxLineBytes");
    }

    [Fact]
    public void A_line_at_the_limit_is_read()
    {
        var line = Completed.With("note", "");
        line = Completed.With("note", new string('n', 1024 - Encoding.UTF8.GetByteCount(line)));

        Read(line).Lines.Should().ContainSingle();
    }

    [Fact]
    public void More_lines_than_the_limit_refuse_the_batch()
    {
        var read = () => Read(Completed, Completed, Completed, Completed);

        var refused = read.Should().Throw<BatchTooLargeException>().Which;
        refused.Message.Should().Be(
            "The batch has more than 3 events, the limit set by GovPulse:Ingest:MaxLinesPerBatch. Split it into batches of at most 3 lines and send them one after another.");
        refused.Setting.Should().Be("GovPulse:Ingest:MaxLinesPerBatch");
    }

    [Fact]
    public void Blank_lines_do_not_count_towards_the_line_limit()
    {
        Read(Completed, "", Completed, " ", Completed, "").Lines.Should().HaveCount(3);
    }

    [Fact]
    public void The_limits_hold_for_a_JSON_array_too()
    {
        var tooMany = () => ReadBody($"[{Completed},{Completed},{Completed},{Completed}]");
        var tooLong = () => ReadBody($"[{Completed},{Completed.With("note", new string('n', 1024))}]");

        tooMany.Should().Throw<BatchTooLargeException>().Which.Setting.Should().Be("GovPulse:Ingest:MaxLinesPerBatch");
        tooLong.Should().Throw<BatchTooLargeException>().Which.Message.Should().StartWith("Array element 2 is ");
    }

    [Fact]
    public void The_body_limit_message_says_the_limit_and_to_split_the_batch()
    {
        BatchTooLargeException.Body(32L * 1024 * 1024).Message.Should().Be(
            "The body is larger than 32 MiB (33554432 bytes), the limit set by GovPulse:Ingest:MaxBodyBytes. Split the batch into smaller ones and send them one after another.");
    }

    [Fact]
    public void The_defaults_are_32_MiB_a_body_64_KiB_a_line_50000_lines_and_1_hour_ahead()
    {
        var options = new IngestOptions();

        options.MaxBodyBytes.Should().Be(32L * 1024 * 1024);
        options.MaxLineBytes.Should().Be(64 * 1024);
        options.MaxLinesPerBatch.Should().Be(50_000);
        options.FutureTolerance.Should().Be(TimeSpan.FromHours(1));
    }

    private static ParsedBatch Read(params string[] lines) => ReadBody(string.Join("\n", lines));

    private static ParsedBatch ReadBody(string body) => EventLineReader.Read(Encoding.UTF8.GetBytes(body), Small);
}
