using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovPulse.Cli.Node;

namespace GovPulse.Cli.Import;

/// <summary>What one acknowledged batch did, for the progress display.</summary>
/// <param name="FirstLine">First source line of the batch.</param>
/// <param name="LastLine">Last source line of the batch.</param>
/// <param name="Totals">The file's totals so far (earlier runs included).</param>
/// <param name="EventsPerSecond">Events sent per second in this run.</param>
public sealed record ImportStep(string File, long FirstLine, long LastLine, long Position, long Length, ImportProgress Totals, double EventsPerSecond);

/// <summary>How the import of one file ended.</summary>
public sealed record FileImportResult(string File, ImportProgress Totals, string RejectsPath, bool Resumed, bool AlreadyComplete);

/// <summary>Batch sizes and where things go.</summary>
/// <param name="BatchSize">Events per request (the node takes 50,000 at most by default).</param>
/// <param name="MaxBatchBytes">A batch is sent early once it holds this many bytes (the node's default limit is 32 MiB).</param>
public sealed record ImportSettings(int BatchSize = 5_000, int MaxBatchBytes = 16 << 20, string? StateDirectory = null, bool Restart = false);

/// <summary>
/// Streams one input file to <c>POST /api/v1/events</c> in batches. After each acknowledged batch it
/// appends the batch's rejections to the rejects file (with the file's own line numbers) and saves
/// where it stopped, so a run that is killed goes on from there when started again; the events of
/// the batch that was in flight are sent again and count as duplicates. A batch the node finds too
/// large (413) is split in two until it fits.
/// </summary>
public sealed partial class Importer(NodeClient node, ImportSettings settings, Action<string> note, Action<ImportStep> stepped)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<FileImportResult> ImportAsync(string path, EventFileFormat format, string? rejectsPath, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(path);
        var rejects = rejectsPath ?? path + ".rejects.ndjson";
        var store = ImportStateStore.For(path, settings.StateDirectory);
        var nodeKey = node.BaseAddress.AbsoluteUri;
        var plan = ImportPlan.Decide(store.Load(note), Path.GetFullPath(path), FileIdentity.Of(path), nodeKey, settings.Restart);
        if (plan.Note is not null)
        {
            note(plan.Note);
        }

        if (plan.From.Complete)
        {
            return new FileImportResult(path, plan.From, rejects, Resumed: false, AlreadyComplete: true);
        }

        IEventSource source = EventFileFormats.Detect(path, format) == EventFileFormat.Csv ? new CsvSource(path, name, note) : new NdjsonSource(path, name);
        var isCsv = source is CsvSource;
        var progress = plan.From with { Complete = false };
        var state = plan.State;
        await using var rejectsFile = OpenRejects(rejects, plan.Resumed ? progress.RejectsLength : 0);
        var clock = Stopwatch.StartNew();
        long sentThisRun = 0;
        var batch = new List<SourceRecord>();
        var batchEvents = 0;
        var batchBytes = 0L;

        async Task Flush()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var sent = batch.Where(r => r.Json is not null).ToList();
            var (accepted, duplicates, rejected) = await SendAsync(sent, name, isCsv, cancellationToken);
            rejected.AddRange(batch.Where(r => r.Error is not null).Select(r => new SourceRejection(r.Line, r.EventId, r.Error!)));
            foreach (var r in rejected.OrderBy(r => r.Line))
            {
                await rejectsFile.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(r, Json), cancellationToken);
                rejectsFile.WriteByte((byte)'\n');
            }

            await rejectsFile.FlushAsync(cancellationToken);
            sentThisRun += sent.Count;
            progress = progress with
            {
                NextLine = batch[^1].NextLine,
                NextOffset = batch[^1].EndOffset,
                Accepted = progress.Accepted + accepted,
                Duplicates = progress.Duplicates + duplicates,
                Rejected = progress.Rejected + rejected.Count,
                RejectsLength = rejectsFile.Position,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            state.Nodes[nodeKey] = progress;
            store.Save(state);
            stepped(new ImportStep(name, batch[0].Line, batch[^1].Line, source.Position, source.Length, progress, sentThisRun / Math.Max(clock.Elapsed.TotalSeconds, 0.001)));
            batch.Clear();
            batchEvents = 0;
            batchBytes = 0;
        }

        using (var records = source.Read(progress.NextLine, progress.NextOffset).GetEnumerator())
        {
            while (true)
            {
                bool more;
                try
                {
                    more = records.MoveNext();
                }
                catch (CliException)
                {
                    // Keep what was read before the bad record: acknowledged and saved, so the next run starts at it.
                    await Flush();
                    throw;
                }

                if (!more)
                {
                    break;
                }

                var record = records.Current;
                batch.Add(record);
                if (record.Json is not null)
                {
                    batchEvents++;
                    batchBytes += record.Json.Length + 1;
                }

                if (batchEvents >= settings.BatchSize || batchBytes >= settings.MaxBatchBytes)
                {
                    await Flush();
                }
            }
        }

        await Flush();
        progress = progress with { Complete = true, UpdatedAt = DateTimeOffset.UtcNow };
        state.Nodes[nodeKey] = progress;
        store.Save(state);
        if (progress.Rejected == 0 && rejectsFile.Length == 0)
        {
            rejectsFile.Close();
            File.Delete(rejects);
        }

        return new FileImportResult(path, progress, rejects, plan.Resumed, AlreadyComplete: false);
    }

    /// <summary>The rejects file, cut back to what acknowledged batches wrote (0 for a fresh start).</summary>
    private static FileStream OpenRejects(string path, long keep)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        stream.SetLength(Math.Min(keep, stream.Length));
        stream.Seek(0, SeekOrigin.End);
        return stream;
    }

    /// <summary>Sends records as one NDJSON body (split while the node says 413) and maps its rejections to source lines.</summary>
    private async Task<(long Accepted, long Duplicates, List<SourceRejection> Rejected)> SendAsync(
        List<SourceRecord> records, string name, bool isCsv, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return (0, 0, []);
        }

        var body = new MemoryStream();
        foreach (var r in records)
        {
            body.Write(r.Json);
            body.WriteByte((byte)'\n');
        }

        var outcome = await node.PostEventsAsync(body.GetBuffer().AsMemory(0, (int)body.Length), cancellationToken);
        if (outcome.TooLarge is not null)
        {
            if (records.Count == 1)
            {
                var r = records[0];
                return (0, 0, [new SourceRejection(r.Line, r.EventId, $"line {r.Line} of {name}: the node refused this event as too large ({outcome.TooLarge}); an event is normally well under 1 KiB")]);
            }

            var half = records.Count / 2;
            var first = await SendAsync(records.Take(half).ToList(), name, isCsv, cancellationToken);
            var second = await SendAsync(records.Skip(half).ToList(), name, isCsv, cancellationToken);
            return (first.Accepted + second.Accepted, first.Duplicates + second.Duplicates, [.. first.Rejected, .. second.Rejected]);
        }

        var answer = outcome.Answer!;
        var rejected = new List<SourceRejection>(answer.Rejected.Count);
        foreach (var r in answer.Rejected)
        {
            var source = r.Line >= 1 && r.Line <= records.Count ? records[r.Line - 1].Line : 0;
            rejected.Add(new SourceRejection(source, r.EventId, InSource(r.Error, source, name, isCsv)));
        }

        return (answer.Accepted, answer.Duplicates, rejected);
    }

    /// <summary>"line 3: occurredAt …" of the batch becomes "line 17 of events.csv: column occurredAt …" of the file.</summary>
    public static string InSource(string error, long line, string name, bool isCsv)
    {
        ArgumentNullException.ThrowIfNull(error);
        var match = BatchLinePrefix().Match(error);
        var rest = match.Success ? error[match.Length..] : error;
        if (isCsv && FieldFirst().Match(rest) is { Success: true } field && CsvEventMapping.Fields.Contains(field.Groups[1].Value))
        {
            rest = "column " + rest;
        }

        return $"line {line} of {name}: {rest}";
    }

    [GeneratedRegex(@"^line \d+: ")]
    private static partial Regex BatchLinePrefix();

    [GeneratedRegex(@"^(\w+) (?:'|\d|-|is |true|false|null|\[|\{)")]
    private static partial Regex FieldFirst();
}

/// <summary>A line of the rejects file: the source line, the event id when known, and why.</summary>
public sealed record SourceRejection(long Line, string? EventId, string Error);
