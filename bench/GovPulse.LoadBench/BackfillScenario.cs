using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using Spectre.Console;

namespace GovPulse.LoadBench;

/// <summary>Settings of the backfill: the slice of simulated traffic and how it is sent.</summary>
public sealed record BackfillSettings(int Seed, DateTimeOffset From, DateTimeOffset To, int BatchSize, int Concurrency, string WorkDirectory, TimeSpan Limit, int Probes);

/// <summary>
/// Scenario 1: a slice of simulated HCMC history (pre-generated, see <see cref="BackfillData"/>)
/// posted by N concurrent senders in time order; sustained events/s = accepted events / wall time
/// from the first request to the last answer, with the node's memory after each month. Then checks
/// that the node counts what was sent.
/// </summary>
public static class BackfillScenario
{
    public static async Task<bool> RunAsync(NodeUnderTest node, BackfillSettings settings, CancellationToken cancellationToken)
    {
        var data = Prepare(settings);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[bold]Backfill[/]: {data.Events:N0} events in {data.Batches:N0} batches of {settings.BatchSize:N0}, {settings.Concurrency} senders, seed {settings.Seed}, {settings.From:yyyy-MM-dd} – {settings.To.AddTicks(-1):yyyy-MM-dd}");

        using var client = node.CreateClient(TimeSpan.FromMinutes(2));
        var poster = new EventPoster(client);
        await using var memory = new NodeMemory(node.ProcessId);
        var months = new MonthMemory(data, memory);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(settings.Limit);

        var next = -1;
        long accepted = 0, duplicates = 0, rejected = 0, sentEvents = 0;
        var windows = new List<(double Seconds, long Events)>();
        var clock = Stopwatch.StartNew();
        async Task SendAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < data.Batches)
            {
                var body = await File.ReadAllBytesAsync(data.BatchFile(index), limit.Token);
                var answer = await poster.PostAsync(body, limit.Token);
                Interlocked.Add(ref accepted, answer.Accepted);
                Interlocked.Add(ref duplicates, answer.Duplicates);
                Interlocked.Add(ref rejected, answer.Rejected.Count);
                Interlocked.Add(ref sentEvents, answer.Accepted + answer.Duplicates + answer.Rejected.Count);
                months.Answered(index);
            }
        }

        var senders = Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(SendAsync, limit.Token)));
        var stopped = false;
        try
        {
            await Report(senders, data.Events, () => Interlocked.Read(ref sentEvents), clock, windows, months);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            stopped = true;
        }

        clock.Stop();
        foreach (var line in months.Take())
        {
            AnsiConsole.WriteLine(line);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var rate = accepted / seconds;
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"{(stopped ? "[yellow]Stopped at the time limit[/]: " : string.Empty)}accepted {accepted:N0}, duplicates {duplicates:N0}, rejected {rejected:N0} in {seconds:F1} s → [bold]{rate:N0} events/s[/] sustained ({poster.Refusals:N0} 503/429 answers waited out)");
        if (windows.Count > 0)
        {
            var rates = windows.Select(w => w.Events / w.Seconds).Order().ToList();
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  per 10 s window: min {rates[0]:N0}, median {Percentiles.Of(rates, 50):N0}, max {rates[^1]:N0} events/s"));
        }

        AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  node RSS: peak sampled {Mb(memory.PeakSampled)}, VmHWM {Mb(memory.HighWaterMark)}, now {Mb(memory.Current)}"));

        var ok = !stopped && rejected == 0 && accepted + duplicates == data.Events;
        if (!stopped)
        {
            ok &= await CheckCountsAsync(client, data, cancellationToken);
            ok &= await TimeEndedRankingsAsync(client, settings, cancellationToken);
            AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  node RSS: peak sampled {Mb(memory.PeakSampled)}, VmHWM {Mb(memory.HighWaterMark)}, now {Mb(memory.Current)}"));
        }

        return ok;
    }

    /// <summary>
    /// The commune ranking of the backfill's last ended month, quarter and year (that its traffic
    /// reaches), each asked as a dashboard asks it (issue 16: past periods from kept figures, not a recount).
    /// </summary>
    private static async Task<bool> TimeEndedRankingsAsync(HttpClient client, BackfillSettings settings, CancellationToken cancellationToken)
    {
        // The last month, quarter and year the backfill's traffic reaches that have ended by now.
        var now = DateTimeOffset.UtcNow;
        var last = VietnamTime.LocalDate(settings.To.AddTicks(-1));
        var periods = new List<Period>();
        foreach (var candidates in new Func<DateOnly, Period>[]
        {
            d => Period.Month(d.Year, d.Month),
            d => Period.Quarter(d.Year, ((d.Month - 1) / 3) + 1),
            d => Period.Year(d.Year),
        })
        {
            for (var day = last; day >= VietnamTime.LocalDate(settings.From); day = candidates(day).FirstDay.AddDays(-1))
            {
                if (candidates(day) is var period && period.End <= now)
                {
                    periods.Add(period);
                    break;
                }
            }
        }

        var communes = UnitDirectory.HoChiMinhCity.All.Count(u => u.Kind == UnitKind.Commune);
        var ok = true;
        foreach (var period in periods)
        {
            ok &= await RankingProbe.TimeAsync(client, $"level=commune&period={period.Label}", communes, settings.Probes, cancellationToken);
        }

        return ok;
    }

    private static BackfillData Prepare(BackfillSettings s)
    {
        var directory = Path.Combine(s.WorkDirectory, string.Create(CultureInfo.InvariantCulture,
            $"backfill-{s.Seed}-{s.From:yyyyMMdd}-{s.To:yyyyMMdd}-{s.BatchSize}"));
        if (BackfillData.Load(directory) is { } kept)
        {
            AnsiConsole.WriteLine($"Using the traffic generated before in {directory}");
            return kept;
        }

        AnsiConsole.WriteLine($"Generating the traffic into {directory} (not timed)…");
        var clock = Stopwatch.StartNew();
        var lastSaid = TimeSpan.Zero;
        var data = BackfillData.Generate(directory, s.Seed, s.From, s.To, s.BatchSize, (at, events) =>
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

    /// <summary>Shows progress until the senders finish (a bar on a terminal, a line every 10 s otherwise), noting the rate of each 10 s window.</summary>
    private static async Task Report(Task senders, long total, Func<long> sent, Stopwatch clock, List<(double Seconds, long Events)> windows, MonthMemory months)
    {
        var windowStart = clock.Elapsed;
        var windowEvents = 0L;
        void Note(bool say)
        {
            var now = clock.Elapsed;
            if ((now - windowStart).TotalSeconds < 10)
            {
                return;
            }

            var done = sent();
            windows.Add(((now - windowStart).TotalSeconds, done - windowEvents));
            if (say)
            {
                AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {now.TotalSeconds,6:F0} s  {done,12:N0} / {total:N0}  {(done - windowEvents) / (now - windowStart).TotalSeconds,9:N0} events/s"));
            }

            windowStart = now;
            windowEvents = done;
        }

        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask("events posted", maxValue: total);
                    while (!senders.IsCompleted)
                    {
                        await Task.WhenAny(senders, Task.Delay(500));
                        task.Value = sent();
                        Note(say: false);
                    }
                });
        }
        else
        {
            while (!senders.IsCompleted)
            {
                await Task.WhenAny(senders, Task.Delay(500));
                Note(say: true);
                foreach (var line in months.Take())
                {
                    AnsiConsole.WriteLine(line); // on a terminal they wait for the progress bar to end
                }
            }
        }

        await senders;
    }

    /// <summary>The city's dossiers received in each month of the slice, as the node counts them, against the generated receipts.</summary>
    private static async Task<bool> CheckCountsAsync(HttpClient client, BackfillData data, CancellationToken cancellationToken)
    {
        var ok = true;
        foreach (var (month, expected) in data.ReceivedByMonth)
        {
            var scorecard = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/units/79/indicators?period={month}", UriKind.Relative), cancellationToken);
            var counted = scorecard.GetProperty("counts").GetProperty("received").GetInt64();
            var same = counted == expected;
            ok &= same;
            // The verdict is markup itself, so it cannot go through an interpolated (escaping) hole.
            var verdict = same ? "[green]equal[/]" : "[red]DIFFERENT[/]";
            AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"  city {Markup.Escape(month.ToString() ?? string.Empty)}: received {counted:N0}, sent {expected:N0} dossier receipts → {verdict}"));
        }

        return ok;
    }

    public static string Mb(long? bytes) => bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{b / 1048576.0:N0} MB") : "n/a";
}
