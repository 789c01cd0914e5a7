using System.Buffers;
using System.Globalization;
using System.Text.Json;
using GovPulse.Cli.Simulation;
using GovPulse.Cli.Wire;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;

namespace GovPulse.LoadBench;

/// <summary>
/// A slice of simulated city traffic, generated once before it is sent (so generating costs
/// nothing while the node is measured) as NDJSON batch files of the size the senders post, in
/// time order, with what the node must count afterwards: the events, and the dossiers received in
/// each month (the city scorecard's <c>counts.received</c>), and where each month's events end (so the
/// run can note the node's memory after each month). Kept in the work directory and reused by a later
/// run with the same seed, range and batch size.
/// </summary>
public sealed record BackfillData(
    string Directory, int Batches, long Events, SortedDictionary<string, long> ReceivedByMonth, SortedDictionary<string, BackfillMonth>? Months = null)
{
    private const string ManifestName = "manifest.json";

    public string BatchFile(int index) => Path.Combine(Directory, string.Create(CultureInfo.InvariantCulture, $"batch-{index:D6}.ndjson"));

    public static BackfillData? Load(string directory)
    {
        var manifest = Path.Combine(directory, ManifestName);
        // A manifest from before months were noted is generated again.
        return File.Exists(manifest) && JsonSerializer.Deserialize<BackfillData>(File.ReadAllText(manifest)) is { Months: not null } kept ? kept : null;
    }

    public static BackfillData Generate(string directory, int seed, DateTimeOffset from, DateTimeOffset to, int batchSize, Action<DateTimeOffset, long> progress) =>
        Generate(directory, new SimulatedCity(seed, from), to, batchSize, progress);

    /// <summary>The traffic of <paramref name="city"/> (any directory, any scale) from where it stands to <paramref name="to"/>.</summary>
    public static BackfillData Generate(string directory, SimulatedCity city, DateTimeOffset to, int batchSize, Action<DateTimeOffset, long> progress)
    {
        ArgumentNullException.ThrowIfNull(city);
        System.IO.Directory.CreateDirectory(directory);
        var received = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var months = new SortedDictionary<string, BackfillMonth>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>(batchSize * 400);
        var inBatch = 0;
        var batches = 0;
        var events = 0L;
        var data = new BackfillData(directory, 0, 0, received, months);

        void Flush()
        {
            if (inBatch == 0)
            {
                return;
            }

            File.WriteAllBytes(data.BatchFile(batches++), buffer.WrittenSpan.ToArray());
            buffer.ResetWrittenCount();
            inBatch = 0;
        }

        foreach (var hour in city.AdvanceTo(to))
        {
            foreach (var e in hour)
            {
                EventLineWriter.Write(e, buffer);
                events++;
                // The month of the simulated clock: the hour the events were generated in (those of the last hour of a month end it).
                var sentIn = VietnamTime.ToLocal(city.Now.AddTicks(-1)).ToString("yyyy-MM", CultureInfo.InvariantCulture);
                months[sentIn] = new BackfillMonth(batches, (months.GetValueOrDefault(sentIn)?.Events ?? 0) + 1);
                if (e.Type == EventType.DossierReceived)
                {
                    var month = VietnamTime.ToLocal(e.OccurredAt).ToString("yyyy-MM", CultureInfo.InvariantCulture);
                    received[month] = received.GetValueOrDefault(month) + 1;
                }

                if (++inBatch == batchSize)
                {
                    Flush();
                }
            }

            progress(city.Now, events);
        }

        Flush();
        var done = data with { Batches = batches, Events = events };
        File.WriteAllText(Path.Combine(directory, ManifestName), JsonSerializer.Serialize(done));
        return done;
    }
}
