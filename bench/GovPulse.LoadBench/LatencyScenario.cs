using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.Cli.Wire;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;
using GovPulse.Ingest.Simulation;
using Microsoft.AspNetCore.SignalR.Client;
using Spectre.Console;

namespace GovPulse.LoadBench;

/// <summary>Settings of the latency scenario.</summary>
public sealed record LatencySettings(double Rate, TimeSpan Tick, TimeSpan Warmup, TimeSpan Duration, TimeSpan ProbeInterval, int ProbeUnits, int Seed);

/// <summary>
/// Scenario 2: a steady background of live-dated events (paced: every tick sends what the rate
/// owes so far, one request per tick) and, beside it, probes: one dossier receipt in its own
/// request, timed from just before the request is sent to the first <c>scorecard</c> message of
/// the hub whose <c>counts.received</c> includes it. Two kinds of probe unit:
/// <list type="bullet">
/// <item><b>quiet</b>: communes that get no background traffic, so nothing else was pushed in the
/// last second (the pipeline's latency: HTTP, ClickHouse, grain, live feed, SignalR);</item>
/// <item><b>busy</b>: communes that also get background traffic (dossier facts only, so only
/// probes change their received count), so the unit has usually just pushed and the probe waits
/// for the end of that second (<c>LivePushThrottle</c>, api-v1 §3).</item>
/// </list>
/// </summary>
public static class LatencyScenario
{
    private static readonly Uri Units = new("/api/v1/units", UriKind.Relative);

    public static async Task<bool> RunAsync(NodeUnderTest node, LatencySettings settings, CancellationToken cancellationToken)
    {
        using var client = node.CreateClient(TimeSpan.FromSeconds(60));
        var units = await client.GetFromJsonAsync<JsonElement>(Units, cancellationToken);
        var communes = units.EnumerateArray()
            .Where(u => u.GetProperty("kind").GetString() == "commune")
            .Select(u => u.GetProperty("code").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var quiet = communes[..settings.ProbeUnits];
        var busy = communes[settings.ProbeUnits..(2 * settings.ProbeUnits)];
        var background = communes[settings.ProbeUnits..];
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[bold]Latency[/]: {settings.Rate:N0} events/s of background into {background.Length} communes (one request every {settings.Tick.TotalMilliseconds:N0} ms), a probe every {settings.ProbeInterval.TotalMilliseconds:N0} ms alternating {quiet.Length} quiet and {busy.Length} busy communes; {settings.Warmup.TotalSeconds:N0} s warm-up, {settings.Duration.TotalSeconds:N0} s measured");

        var probes = new ProbeBook();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, "/hubs/indicators"), o => o.Headers.Add("X-Api-Key", node.Key))
            .Build();
        hub.On<JsonElement>("scorecard", scorecard => probes.Seen(
            scorecard.GetProperty("unitCode").GetString()!,
            scorecard.GetProperty("counts").GetProperty("received").GetInt64(),
            Stopwatch.GetTimestamp()));
        await hub.StartAsync(cancellationToken);
        foreach (var unit in quiet.Concat(busy))
        {
            await hub.InvokeAsync("Subscribe", unit, cancellationToken);
        }

        await probes.WaitForBaselinesAsync(quiet.Concat(busy), cancellationToken);

        var poster = new EventPoster(client);
        var traffic = new LiveTraffic(background, busy.ToHashSet(StringComparer.Ordinal), settings.Seed);
        await using var memory = new NodeMemory(node.ProcessId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var runId = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var backgroundRun = RunBackgroundAsync(poster, traffic, settings, stop.Token);
        var measureFrom = Stopwatch.GetTimestamp() + (long)(settings.Warmup.TotalSeconds * Stopwatch.Frequency);
        var probing = RunProbesAsync(poster, probes, quiet, busy, settings, runId, measureFrom, stop.Token);

        var total = settings.Warmup + settings.Duration;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < total)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {clock.Elapsed.TotalSeconds,5:F0} s  background {traffic.Sent,9:N0} events ({traffic.Sent / clock.Elapsed.TotalSeconds:N0}/s)  probes answered: quiet {probes.Count(ProbeKind.Quiet)}, busy {probes.Count(ProbeKind.Busy)}"));
        }

        await stop.CancelAsync();
        var backgroundStats = await backgroundRun;
        await probing;
        await probes.WaitForOpenAsync(cancellationToken); // the last probes' scorecards, each within its own 10 s

        var ok = true;
        foreach (var kind in new[] { ProbeKind.Quiet, ProbeKind.Busy })
        {
            var (pushed, acked, lost) = probes.Results(kind);
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {kind,-5} probes: {pushed.Count} measured, {lost} without a scorecard in 10 s; POST → scorecard p50 {Percentiles.Of(pushed, 50):N0} ms, p95 {Percentiles.Of(pushed, 95):N0} ms, p99 {Percentiles.Of(pushed, 99):N0} ms, max {(pushed.Count > 0 ? pushed[^1] : double.NaN):N0} ms; POST → answer p50 {Percentiles.Of(acked, 50):N0} ms, p99 {Percentiles.Of(acked, 99):N0} ms"));
            if (kind == ProbeKind.Quiet)
            {
                ok &= pushed.Count > 0 && lost == 0;
            }
        }

        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  background: {backgroundStats.Accepted:N0} accepted in {backgroundStats.Requests:N0} requests, {backgroundStats.Failed} failed, {poster.Refusals} 503/429 answers; request p50 {backgroundStats.P50:N0} ms, p99 {backgroundStats.P99:N0} ms, max {backgroundStats.Max:N0} ms"));
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  node RSS: peak sampled {BackfillScenario.Mb(memory.PeakSampled)}, VmHWM {BackfillScenario.Mb(memory.HighWaterMark)}"));
        if (backgroundStats.Failed > 0 && node.Started)
        {
            AnsiConsole.WriteLine("  the node's errors (first lines):");
            foreach (var line in node.Output.Split('\n').Where(l => l.Contains("fail:", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal)).Take(12))
            {
                AnsiConsole.WriteLine("    " + line.TrimEnd());
            }
        }

        return ok;
    }

    private sealed record BackgroundStats(long Accepted, long Requests, long Failed, double P50, double P99, double Max);

    /// <summary>Every tick: the events the rate owes since the start (so a late tick catches up), in one request, not awaited (at most 64 in flight).</summary>
    private static async Task<BackgroundStats> RunBackgroundAsync(EventPoster poster, LiveTraffic traffic, LatencySettings settings, CancellationToken cancellationToken)
    {
        using var inFlight = new SemaphoreSlim(64);
        var durations = new ConcurrentBag<double>();
        long accepted = 0, requests = 0, failed = 0;
        var sending = new List<Task>();
        var clock = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(settings.Tick);
        try
        {
            while (await tick.WaitForNextTickAsync(cancellationToken))
            {
                var owed = (long)(settings.Rate * clock.Elapsed.TotalSeconds) - traffic.Sent;
                if (owed <= 0)
                {
                    continue;
                }

                var body = traffic.Next((int)owed, DateTimeOffset.UtcNow);
                await inFlight.WaitAsync(cancellationToken);
                sending.Add(Task.Run(async () =>
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        var answer = await poster.PostAsync(body, CancellationToken.None);
                        Interlocked.Add(ref accepted, answer.Accepted);
                        durations.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        if (Interlocked.Increment(ref failed) == 1)
                        {
                            AnsiConsole.WriteLine($"  first failed background request: {ex.GetType().Name}: {ex.Message}");
                        }
                    }
                    finally
                    {
                        Interlocked.Increment(ref requests);
                        inFlight.Release();
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException)
        {
            // the run is over
        }

        await Task.WhenAll(sending);
        var sorted = durations.Order().ToList();
        return new BackgroundStats(accepted, requests, failed, Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 99), sorted.Count > 0 ? sorted[^1] : double.NaN);
    }

    private static async Task RunProbesAsync(
        EventPoster poster, ProbeBook probes, string[] quiet, string[] busy, LatencySettings settings, string runId, long measureFrom, CancellationToken cancellationToken)
    {
        var procedure = ProcedureCatalog.Reference.Find("1.001193") ?? throw new InvalidOperationException("procedure 1.001193 is not in the reference catalogue");
        var random = new Random(settings.Seed);
        var buffer = new ArrayBufferWriter<byte>(1024);
        var number = 0;
        var nextOf = new Dictionary<ProbeKind, int> { [ProbeKind.Quiet] = 0, [ProbeKind.Busy] = 0 };
        using var tick = new PeriodicTimer(settings.ProbeInterval);
        try
        {
            while (await tick.WaitForNextTickAsync(cancellationToken))
            {
                var kind = number % 2 == 0 ? ProbeKind.Quiet : ProbeKind.Busy;
                var pool = kind == ProbeKind.Quiet ? quiet : busy;
                var unit = pool[nextOf[kind]++ % pool.Length];
                if (probes.IsOpen(unit))
                {
                    continue;
                }

                number++;
                var receipt = DossierScript.Write(unit, $"probe-{runId}-{number}", procedure, Channel.Online, DateTimeOffset.UtcNow, random).First();
                buffer.ResetWrittenCount();
                EventLineWriter.Write(receipt, buffer);
                var body = buffer.WrittenMemory.ToArray();
                var sent = Stopwatch.GetTimestamp();
                probes.Open(unit, kind, sent, measured: sent >= measureFrom);
                // The run's stop ends the loop, never a probe in flight: a probe cut off by the bench
                // itself is not a probe the node lost.
                var answer = await poster.PostAsync(body, CancellationToken.None);
                probes.Acknowledged(unit, Stopwatch.GetTimestamp(), answer.Accepted == 1);
            }
        }
        catch (OperationCanceledException)
        {
            // the run is over
        }
    }
}
