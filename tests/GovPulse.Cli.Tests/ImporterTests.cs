using System.Collections.Concurrent;
using System.Text.Json;
using GovPulse.Cli.Import;
using GovPulse.Cli.Node;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Cli.Tests;

/// <summary>The import loop against a node on localhost that answers like the real one (per-line rejections, duplicates, 413).</summary>
public sealed class ImporterTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("govpulse-cli-import-").FullName;
    private readonly ConcurrentDictionary<string, int> _stored = new(StringComparer.Ordinal);
    private int _maxLines = int.MaxValue;
    private StubNode _node = null!;

    public async Task InitializeAsync() => _node = await StubNode.StartAsync(AnswerLikeANode);

    [Fact]
    public async Task Rejections_carry_the_files_line_numbers_not_the_batches()
    {
        var path = Events(12, badLines: [5, 9]);

        var result = await Import(path, batchSize: 3);

        result.Totals.Should().BeEquivalentTo(new { Accepted = 10L, Duplicates = 0L, Rejected = 2L, Complete = true, NextLine = 13L });
        var rejects = File.ReadAllLines(result.RejectsPath).Select(l => JsonSerializer.Deserialize<SourceRejection>(l, JsonSerializerOptions.Web)!).ToList();
        rejects.Select(r => (r.Line, r.EventId)).Should().Equal((5L, "e5"), (9L, "e9"));
        rejects[0].Error.Should().Be("line 5 of events.ndjson: occurredAt 'bad' is not a valid ISO 8601 time with offset");
        _node.Requests.Should().HaveCount(4);
    }

    [Fact]
    public async Task An_import_stopped_after_two_batches_goes_on_from_the_third_and_ends_like_a_clean_one()
    {
        var path = Events(20, badLines: [2, 15]);
        using var stop = new CancellationTokenSource();
        var batches = 0;

        var first = () => Import(path, batchSize: 4, stepped: _ =>
        {
            if (++batches == 2)
            {
                stop.Cancel();
            }
        }, cancellationToken: stop.Token);
        await first.Should().ThrowAsync<OperationCanceledException>();
        var sentBefore = _node.Requests.SelectMany(r => r.Lines).Count();
        var result = await Import(path, batchSize: 4);

        sentBefore.Should().Be(8);
        _node.Requests.SelectMany(r => r.Lines).Should().HaveCount(20, "the second run starts at line 9");
        result.Resumed.Should().BeTrue();
        result.Totals.Should().BeEquivalentTo(new { Accepted = 18L, Duplicates = 0L, Rejected = 2L, Complete = true });
        File.ReadAllLines(result.RejectsPath).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("line").GetInt64()).Should().Equal(2, 15);
    }

    [Fact]
    public async Task A_finished_import_is_not_sent_again_unless_restarted()
    {
        var path = Events(5, badLines: []);
        await Import(path, batchSize: 5);

        var again = await Import(path, batchSize: 5);
        var restarted = await Import(path, batchSize: 5, restart: true);

        again.AlreadyComplete.Should().BeTrue();
        restarted.Totals.Should().BeEquivalentTo(new { Accepted = 0L, Duplicates = 5L, Rejected = 0L });
        _node.Requests.Should().HaveCount(2);
        File.Exists(path + ".rejects.ndjson").Should().BeFalse("a clean import leaves no rejects file");
    }

    [Fact]
    public async Task A_batch_the_node_finds_too_large_is_split_until_it_fits()
    {
        _maxLines = 3;
        var path = Events(10, badLines: [7]);

        var result = await Import(path, batchSize: 10);

        result.Totals.Should().BeEquivalentTo(new { Accepted = 9L, Rejected = 1L });
        _node.Requests.Where(r => r.Lines.Length <= 3).SelectMany(r => r.Lines).Should().HaveCount(10);
        File.ReadAllText(result.RejectsPath).Should().Contain("\"line\":7");
    }

    [Theory]
    [InlineData("line 3: occurredAt '2026' is not a valid ISO 8601 time with offset", false, "line 17 of a.ndjson: occurredAt '2026' is not a valid ISO 8601 time with offset")]
    [InlineData("line 3: occurredAt '2026' is not a valid ISO 8601 time with offset", true, "line 17 of a.ndjson: column occurredAt '2026' is not a valid ISO 8601 time with offset")]
    [InlineData("line 1: unitCode '99999' is not a known unit", true, "line 17 of a.ndjson: column unitCode '99999' is not a known unit")]
    [InlineData("line 2: dueAt and statutoryWorkingDays are both missing; DossierReceived needs one of them", true, "line 17 of a.ndjson: dueAt and statutoryWorkingDays are both missing; DossierReceived needs one of them")]
    public void A_nodes_rejection_is_reworded_for_the_source_file(string error, bool csv, string expected) =>
        Importer.InSource(error, 17, "a.ndjson", csv).Should().Be(expected);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<FileImportResult> Import(string path, int batchSize, Action<ImportStep>? stepped = null, bool restart = false, CancellationToken cancellationToken = default)
    {
        using var client = new NodeClient(_node.Url, "k", RetryPolicy.Default with { Delay = (_, _) => Task.CompletedTask });
        var importer = new Importer(client, new ImportSettings(batchSize, Restart: restart), _ => { }, stepped ?? (_ => { }));
        return await importer.ImportAsync(path, EventFileFormat.Auto, null, cancellationToken);
    }

    private string Events(int count, int[] badLines)
    {
        var path = Path.Combine(_directory, "events.ndjson");
        File.WriteAllLines(path, Enumerable.Range(1, count).Select(i =>
            $$"""{"eventId":"e{{i}}","type":"ProcessingCompleted","occurredAt":"{{(badLines.Contains(i) ? "bad" : "2026-11-20T09:30:00+07:00")}}","dossierId":"d{{i}}","unitCode":"26737"}"""));
        return path;
    }

    /// <summary>Like <c>POST /api/v1/events</c>: a bad time is rejected with the batch's line number, a stored id is a duplicate, too many lines is 413.</summary>
    private async Task AnswerLikeANode(HttpContext http, StubNode.Recorded request)
    {
        var lines = request.Lines;
        if (lines.Length > _maxLines)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await http.Response.WriteAsJsonAsync(new { title = "Batch too large", detail = $"more than {_maxLines} lines" });
            return;
        }

        var (accepted, duplicates, rejected) = (0, 0, new List<object>());
        for (var i = 0; i < lines.Length; i++)
        {
            var e = JsonDocument.Parse(lines[i]).RootElement;
            var id = e.GetProperty("eventId").GetString()!;
            var at = e.GetProperty("occurredAt").GetString();
            if (at == "bad")
            {
                rejected.Add(new { line = i + 1, eventId = id, error = $"line {i + 1}: occurredAt '{at}' is not a valid ISO 8601 time with offset" });
            }
            else if (_stored.TryAdd(id, 1))
            {
                accepted++;
            }
            else
            {
                duplicates++;
            }
        }

        await http.Response.WriteAsJsonAsync(new { accepted, duplicates, rejected });
    }
}
