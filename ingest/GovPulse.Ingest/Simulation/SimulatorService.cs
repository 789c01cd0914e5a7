using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Pipeline;
using GovPulse.Ingest.Wire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Ingest.Simulation;

/// <summary>
/// Feeds simulated HCMC traffic into this node through the same pipeline as the HTTP API
/// (store in ClickHouse, then grains), once a second of real time.
/// </summary>
public sealed partial class SimulatorService(
    EventIngestor ingestor,
    UnitDirectory units,
    IOptions<SimulatorOptions> options,
    TimeProvider time,
    ILogger<SimulatorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        var realStart = time.GetUtcNow();
        var simStart = o.BackfillWorkingDays == 0 ? realStart : BackfillStart(VietnamTime.LocalDate(realStart), o.BackfillWorkingDays);
        var simulator = new CitySimulator(new TrafficProfile(units, o.Seed, o.Scale), ProcedureCatalog.Reference, o.Seed, simStart);
        LogStarted(simStart, o.SpeedUp, o.Seed);

        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        var pending = new Queue<Indicators.Events.UnitEvent>();
        do
        {
            try
            {
                // Catch up to real time (the backfill), then follow the clock, sped up if asked.
                var simNow = realStart + ((time.GetUtcNow() - realStart) * o.SpeedUp);
                foreach (var e in simulator.Advance(simNow))
                {
                    pending.Enqueue(e);
                }

                // Events leave the queue only once stored and applied; a failed batch is retried next tick.
                while (pending.Count > 0)
                {
                    var chunk = pending.Take(o.BatchSize).ToArray();
                    var batch = new ParsedBatch(chunk.Select((e, i) => new ParsedLine(i + 1, e)).ToList(), []);
                    var result = await ingestor.IngestAsync(batch, stoppingToken);
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        pending.Dequeue();
                    }

                    LogBatch(result.Accepted, result.Duplicates, chunk[^1].OccurredAt);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The simulator keeps going; the next tick retries (ids repeat, so retries are harmless).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(ex);
            }
        }
        while (await tick.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false) is true);
    }

    private static DateTimeOffset BackfillStart(DateOnly today, int workingDays)
    {
        var day = today;
        for (var found = 0; found < workingDays;)
        {
            day = day.AddDays(-1);
            if (OfficeHours.IsWorkingDay(day))
            {
                found++;
            }
        }

        return VietnamTime.StartOfDay(day);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating HCMC one-stop traffic from {Start} (speed-up ×{SpeedUp}, seed {Seed})")]
    private partial void LogStarted(DateTimeOffset start, int speedUp, int seed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Simulator sent {Accepted} new events ({Duplicates} repeats) up to {Until}")]
    private partial void LogBatch(int accepted, int duplicates, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulator batch failed; it is retried on the next tick")]
    private partial void LogFailed(Exception exception);
}
