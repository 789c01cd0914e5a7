using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovPulse.Cli.Simulation;
using GovPulse.Indicators.Units;
using Spectre.Console;

namespace GovPulse.LoadBench;

/// <summary>Settings of the national scenario: the month (or range) of traffic, its scale, how it is sent, how many ranking probes.</summary>
public sealed record NationalSettings(
    int Seed, DateTimeOffset From, DateTimeOffset To, double Scale, int BatchSize, int Concurrency, string WorkDirectory, TimeSpan Limit, int Probes);

/// <summary>
/// Scenario 3 (docs/benchmarks.md, "A synthetic nation"): the node started with the synthetic
/// national directory (<see cref="SyntheticNation"/>, 34 provinces, 3,321 communes), a month of
/// its traffic (about ten times the city's at scale 1) pre-generated and posted by N senders; then
/// the nation's received dossiers checked against what was sent, and the ranking of all 3,321
/// communes for the month timed over HTTP with keep-alive (p50, p99), the provinces' too.
/// </summary>
public static class NationalScenario
{
    /// <summary>Writes the synthetic nation for <paramref name="seed"/> into the work directory and returns the node setting that loads it.</summary>
    public static string DirectoryArgument(string workDirectory, int seed)
    {
        Directory.CreateDirectory(workDirectory);
        var path = Path.Combine(workDirectory, string.Create(CultureInfo.InvariantCulture, $"synthetic-nation-{seed}.csv"));
        using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
        {
            UnitDirectoryFile.Write(SyntheticNation.Create(seed), writer);
        }

        return $"--{UnitDirectoryFile.Setting}={path}";
    }

    public static async Task<bool> RunAsync(NodeUnderTest node, NationalSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(settings);
        var nation = SyntheticNation.Create(settings.Seed);
        var data = Prepare(nation, settings);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[bold]National backfill[/]: {nation.Provinces.Count} provinces, {nation.All.Count(u => u.Kind == UnitKind.Commune):N0} communes (synthetic beyond HCMC), scale {settings.Scale}; {data.Events:N0} events in {data.Batches:N0} batches of {settings.BatchSize:N0}, {settings.Concurrency} senders, seed {settings.Seed}, {settings.From:yyyy-MM-dd} – {settings.To.AddTicks(-1):yyyy-MM-dd}");

        using var client = node.CreateClient(TimeSpan.FromMinutes(2));
        var (ok, stopped) = await BackfillAsync(node, client, data, settings, cancellationToken);
        if (stopped)
        {
            return false;
        }

        ok &= await CheckNationAsync(client, data, cancellationToken);
        foreach (var month in data.ReceivedByMonth.Keys)
        {
            ok &= await RankingProbe.TimeAsync(client, $"level=commune&period={month}", nation.All.Count(u => u.Kind == UnitKind.Commune), settings.Probes, cancellationToken);
            ok &= await RankingProbe.TimeAsync(client, $"level=province&period={month}", nation.Provinces.Count, settings.Probes, cancellationToken);
        }

        return ok;
    }

    private static BackfillData Prepare(UnitDirectory nation, NationalSettings s)
    {
        var directory = Path.Combine(s.WorkDirectory, string.Create(CultureInfo.InvariantCulture,
            $"national-{s.Seed}-{s.Scale}-{s.From:yyyyMMdd}-{s.To:yyyyMMdd}-{s.BatchSize}"));
        if (BackfillData.Load(directory) is { } kept)
        {
            AnsiConsole.WriteLine($"Using the traffic generated before in {directory}");
            return kept;
        }

        AnsiConsole.WriteLine($"Generating the national traffic into {directory} (not timed)…");
        var clock = Stopwatch.StartNew();
        var lastSaid = TimeSpan.Zero;
        var data = BackfillData.Generate(directory, new SimulatedCity(nation, s.Seed, s.From, s.Scale), s.To, s.BatchSize, (at, events) =>
        {
            if (clock.Elapsed - lastSaid > TimeSpan.FromSeconds(10))
            {
                lastSaid = clock.Elapsed;
                AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … {at:yyyy-MM-dd}, {events:N0} events"));
            }
        });
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  generated {data.Events:N0} events in {clock.Elapsed.TotalSeconds:F0} s"));
        return data;
    }

    /// <summary>Posts every batch with N senders; events/s over the wall time from the first request to the last answer, and the node's RSS.</summary>
    private static async Task<(bool Ok, bool Stopped)> BackfillAsync(NodeUnderTest node, HttpClient client, BackfillData data, NationalSettings settings, CancellationToken cancellationToken)
    {
        var poster = new EventPoster(client);
        await using var memory = new NodeMemory(node.ProcessId);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(settings.Limit);
        var next = -1;
        long accepted = 0, duplicates = 0, rejected = 0;
        async Task SendAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < data.Batches)
            {
                var answer = await poster.PostAsync(await File.ReadAllBytesAsync(data.BatchFile(index), limit.Token), limit.Token);
                Interlocked.Add(ref accepted, answer.Accepted);
                Interlocked.Add(ref duplicates, answer.Duplicates);
                Interlocked.Add(ref rejected, answer.Rejected.Count);
            }
        }

        var clock = Stopwatch.StartNew();
        var senders = Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(SendAsync, limit.Token)));
        var stopped = false;
        try
        {
            while (!senders.IsCompleted)
            {
                // A line every 10 s, so a long run shows it is alive and how fast it goes.
                await Task.WhenAny(senders, Task.Delay(TimeSpan.FromSeconds(10), limit.Token));
                var sent = Interlocked.Read(ref accepted) + Interlocked.Read(ref duplicates);
                AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {clock.Elapsed.TotalSeconds,6:F0} s  {sent,12:N0} / {data.Events:N0}  node RSS {BackfillScenario.Mb(memory.Current)}"));
            }

            await senders;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            stopped = true;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"{(stopped ? "[yellow]Stopped at the time limit[/]: " : string.Empty)}accepted {accepted:N0}, duplicates {duplicates:N0}, rejected {rejected:N0} in {seconds:F1} s → [bold]{accepted / seconds:N0} events/s[/] sustained ({poster.Refusals:N0} 503/429 answers waited out)");
        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  node RSS: peak sampled {BackfillScenario.Mb(memory.PeakSampled)}, VmHWM {BackfillScenario.Mb(memory.HighWaterMark)}, now {BackfillScenario.Mb(memory.Current)}"));
        return (!stopped && rejected == 0 && accepted + duplicates == data.Events, stopped);
    }

    /// <summary>The nation's dossiers received in each month, as the node pools them, against the generated receipts.</summary>
    private static async Task<bool> CheckNationAsync(HttpClient client, BackfillData data, CancellationToken cancellationToken)
    {
        var ok = true;
        foreach (var (month, expected) in data.ReceivedByMonth)
        {
            var scorecard = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/units/{UnitDirectory.NationCode}/indicators?period={month}", UriKind.Relative), cancellationToken);
            var counted = scorecard.GetProperty("counts").GetProperty("received").GetInt64();
            ok &= counted == expected;
            var verdict = counted == expected ? "[green]equal[/]" : "[red]DIFFERENT[/]";
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"  nation {Markup.Escape(month)}: received {counted:N0}, sent {expected:N0} dossier receipts → {verdict}"));
        }

        return ok;
    }
}
