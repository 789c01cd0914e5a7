using System.Buffers;
using System.Text;
using GovPulse.Cli.Simulation;
using GovPulse.Cli.Wire;
using GovPulse.Indicators.Events;
using GovPulse.Ingest.Security;
using GovPulse.Ingest.Wire;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Cli.Tests;

public sealed class SimulationTests : IDisposable
{
    private static readonly DateTimeOffset Morning = new(2026, 10, 14, 7, 30, 0, TimeSpan.FromHours(7));
    private readonly string _directory = Directory.CreateTempSubdirectory("govpulse-cli-sim-").FullName;

    [Fact]
    public void Simulated_events_written_as_wire_lines_read_back_as_the_same_events_and_pass_every_rule()
    {
        var events = new SimulatedCity(11, Morning).AdvanceTo(Morning.AddHours(2)).SelectMany(h => h).ToList();
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var e in events)
        {
            EventLineWriter.Write(e, buffer);
        }

        var batch = EventLineReader.Read(buffer.WrittenMemory, BatchRules.From(new IngestOptions { MaxLinesPerBatch = 1_000_000 }, new FakeTimeProvider(Morning.AddHours(2))));

        events.Should().HaveCountGreaterThan(5_000);
        batch.Rejected.Should().BeEmpty();
        batch.Lines.Select(l => l.Event).Should().Equal(events);
        events.Should().Contain(e => e.Type == EventType.ApologyIssued).And.Contain(e => e.Type == EventType.DossierRefused);
    }

    [Fact]
    public void A_wire_line_has_the_contracts_spelling()
    {
        var line = EventLineWriter.ToLine(new UnitEvent
        {
            EventId = "e1",
            Type = EventType.DossierReceived,
            OccurredAt = new DateTimeOffset(2026, 11, 20, 2, 30, 0, TimeSpan.Zero),
            UnitCode = "26737",
            DossierId = "HS-1",
            ProcedureCode = "1.001193",
            Channel = Channel.Online,
            DueAt = new DateTimeOffset(2026, 11, 21, 17, 0, 0, 250, TimeSpan.FromHours(7)),
            Fee = 0,
            PaperResult = true,
        });

        line.Should().Be("""{"eventId":"e1","type":"DossierReceived","occurredAt":"2026-11-20T09:30:00+07:00","dossierId":"HS-1","unitCode":"26737","procedureCode":"1.001193","channel":"online","dueAt":"2026-11-21T17:00:00.25+07:00","fee":0,"paperResult":true}""");
    }

    [Fact]
    public async Task Simulate_to_a_file_gives_the_same_bytes_for_the_same_seed_and_range_and_other_bytes_for_another_seed()
    {
        string Run(string name) => Path.Combine(_directory, name);
        string[] Args(string file, int seed) => ["simulate", "--out", Run(file), "--from", "2026-10-14T08:00:00+07:00", "--to", "2026-10-14T09:00:00+07:00", "--seed", $"{seed}"];

        (await Cli.RunAsync(Args("a.ndjson", 5))).ExitCode.Should().Be(0);
        (await Cli.RunAsync(Args("b.ndjson", 5))).ExitCode.Should().Be(0);
        (await Cli.RunAsync(Args("c.ndjson", 6))).ExitCode.Should().Be(0);

        var a = await File.ReadAllBytesAsync(Run("a.ndjson"));
        a.Length.Should().BeGreaterThan(100_000);
        (await File.ReadAllBytesAsync(Run("b.ndjson"))).Should().Equal(a);
        (await File.ReadAllBytesAsync(Run("c.ndjson"))).Should().NotEqual(a);
        Encoding.UTF8.GetString(a).Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().OnlyContain(l => l.Contains("\"occurredAt\":\"2026-10-14T08:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_a_usage_error()
    {
        var (exit, _, err) = await Cli.RunAsync("simulate", "--out", Path.Combine(_directory, "x.ndjson"), "--from", "2026-10-14", "--to", "2026-10-13T23:00:00+07:00");

        exit.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain("--to (2026-10-13T23:00:00+07:00) is not after --from (2026-10-14T00:00:00+07:00)");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
