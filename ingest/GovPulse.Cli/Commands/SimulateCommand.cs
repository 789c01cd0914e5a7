using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using GovPulse.Cli.Node;
using GovPulse.Cli.Simulation;
using GovPulse.Cli.Wire;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using Spectre.Console;

namespace GovPulse.Cli.Commands;

/// <summary>
/// <c>govpulse simulate</c>: realistic HCMC traffic from the node's own simulator, written as NDJSON
/// (<c>--out</c>) or sent to a node. The past is generated as fast as it can be written or sent;
/// "now" follows the clock, sped up by <c>--speed</c> but never ahead of it (a node refuses events
/// from the future).
/// </summary>
public static class SimulateCommand
{
    public static Command Create(CliConsoles consoles, TimeProvider time)
    {
        var node = new NodeOptions();
        var output = new Option<string?>("--out")
        {
            Description = "Write NDJSON to this file ('-' for standard output) instead of sending to a node",
            HelpName = "FILE",
        };
        var from = new Option<string?>("--from")
        {
            Description = "Start: a date (Vietnam time) or a time with offset (default: today 00:00)",
            HelpName = "DATE|TIME",
        };
        var to = new Option<string?>("--to")
        {
            Description = "End: a date (its end) or a time with offset (default: now with --out; without --out, run live until Ctrl+C)",
            HelpName = "DATE|TIME",
        };
        var speed = new Option<double?>("--speed")
        {
            Description = "Play from --from at N times real time (e.g. 60: an hour a minute) until it meets the clock; default: the past at once, then real time",
            HelpName = "N",
        };
        speed.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is <= 0 or > 1_000_000)
            {
                r.AddError("--speed must be more than 0 (1 = real time) and at most 1000000");
            }
        });
        var seed = new Option<int>("--seed")
        {
            Description = "Same seed, same traffic (byte-identical --out for the same --from/--to); the node's simulator uses 2026",
            DefaultValueFactory = _ => 2026,
        };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Events per request when sending",
            DefaultValueFactory = _ => 5_000,
            HelpName = "N",
        };
        batchSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 50_000)
            {
                r.AddError("--batch-size must be between 1 and 50000");
            }
        });

        var directory = new Option<string?>("--directory")
        {
            Description = "Simulate the units of this directory file (e.g. from 'govpulse directory synthetic') instead of Ho Chi Minh City's",
            HelpName = "FILE",
        };
        var scale = new Option<double>("--scale")
        {
            Description = "Multiply the traffic (1 = published volumes; 0.01 for a quick run)",
            DefaultValueFactory = _ => 1,
            HelpName = "N",
        };
        scale.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (> 0 and <= 1_000))
            {
                r.AddError("--scale must be more than 0 and at most 1000");
            }
        });

        var command = new Command("simulate", "Generate realistic Ho Chi Minh City one-stop traffic (the node's quick-start simulator), or a directory's, to a file or a node")
        {
            output, from, to, speed, seed, batchSize, directory, scale,
        };
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var now = time.GetUtcNow();
            var start = parse.GetValue(from) is { } f ? TimeArguments.From(f, "--from") : VietnamTime.StartOfDay(VietnamTime.LocalDate(now));
            var outPath = parse.GetValue(output);
            DateTimeOffset? end = parse.GetValue(to) is { } t ? TimeArguments.To(t, "--to") : outPath is not null ? now : null;
            if (end <= start)
            {
                throw new CliException($"--to ({TimeArguments.Iso(end!.Value)}) is not after --from ({TimeArguments.Iso(start)}): give a later --to or an earlier --from");
            }

            var city = new SimulatedCity(Directory(parse.GetValue(directory)), parse.GetValue(seed), start, parse.GetValue(scale));
            if (outPath is not null)
            {
                return await WriteAsync(consoles, city, end!.Value, outPath, cancellationToken);
            }

            if (start > now)
            {
                throw new CliException($"--from ({TimeArguments.Iso(start)}) is in the future: a node refuses events from the future; write them to a file with --out instead");
            }

            using var client = node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            return await SendAsync(consoles, client, city, end, parse.GetValue(speed), parse.GetValue(batchSize), time, cancellationToken);
        });
        return command;
    }

    private static UnitDirectory Directory(string? path)
    {
        try
        {
            return UnitDirectoryFile.LoadOrBuiltIn(path);
        }
        catch (DirectoryFormatException ex)
        {
            throw new CliException(ex.Message, ex);
        }
    }

    private static async Task<int> WriteAsync(CliConsoles consoles, SimulatedCity city, DateTimeOffset end, string path, CancellationToken cancellationToken)
    {
        var start = city.Now;
        var toStdout = path == "-";
        await using var stream = toStdout ? Console.OpenStandardOutput() : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        long events = 0;
        var clock = Stopwatch.StartNew();
        async Task Run(Action<long>? progressed)
        {
            foreach (var hour in city.AdvanceTo(end))
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var e in hour)
                {
                    EventLineWriter.Write(e, buffer);
                }

                events += hour.Count;
                await stream.WriteAsync(buffer.WrittenMemory, cancellationToken);
                buffer.ResetWrittenCount();
                progressed?.Invoke(events);
            }
        }

        try
        {
            if (consoles.Interactive && !toStdout)
            {
                await consoles.Err.Progress().AutoClear(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask(Markup.Escape(Path.GetFileName(path)), maxValue: (end - start).TotalMinutes);
                        await Run(n =>
                        {
                            task.Value = (city.Now - start).TotalMinutes;
                            task.Description = Markup.Escape($"{Path.GetFileName(path)}  {Short(city.Now)}  {n:N0} events  {n / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s");
                        });
                    });
            }
            else
            {
                await Run(null);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            consoles.Warn($"interrupted: {path} holds the events up to {TimeArguments.Iso(city.Now)}");
            return ExitCodes.Interrupted;
        }

        await stream.FlushAsync(cancellationToken);
        consoles.Note($"{events:N0} events from {TimeArguments.Iso(start)} to {TimeArguments.Iso(end)} written to {(toStdout ? "standard output" : path)} ({events / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0} events/s)");
        return ExitCodes.Ok;
    }

    private static async Task<int> SendAsync(
        CliConsoles consoles, NodeClient client, SimulatedCity city, DateTimeOffset? end, double? speed, int batchSize, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = city.Now;
        var realStart = time.GetUtcNow();
        var totals = new SentTotals();
        var clock = Stopwatch.StartNew();
        var shownRejections = 0;

        // The simulated clock: the past at once (no --speed) or played at --speed from --from, never ahead of the real clock.
        DateTimeOffset Target()
        {
            var now = time.GetUtcNow();
            var target = speed is { } s ? Min(now, start + ((now - realStart) * s)) : now;
            return end is { } e ? Min(target, e) : target;
        }

        async Task Send(List<UnitEvent> pending)
        {
            foreach (var chunk in pending.Chunk(batchSize))
            {
                var buffer = new ArrayBufferWriter<byte>(chunk.Length * 400);
                foreach (var e in chunk)
                {
                    EventLineWriter.Write(e, buffer);
                }

                var outcome = await client.PostEventsAsync(buffer.WrittenMemory, cancellationToken);
                var answer = outcome.Answer ?? throw new CliException($"{client.BaseAddress} refused a batch of {chunk.Length:N0} simulated events as too large ({outcome.TooLarge}): lower --batch-size");
                totals.Add(chunk.Length, answer);
                foreach (var r in answer.Rejected.Take(Math.Max(0, 5 - shownRejections)))
                {
                    consoles.Warn($"the node rejected a simulated event: {r.Error}");
                    shownRejections++;
                }
            }
        }

        async Task Run(Action? progressed)
        {
            while (true)
            {
                var target = Target();
                foreach (var hour in city.AdvanceTo(target))
                {
                    await Send([.. hour]);
                    progressed?.Invoke();
                }

                progressed?.Invoke();
                if (end is { } e && city.Now >= e)
                {
                    return;
                }

                // Following the clock: a tick a second is as live as the dashboard shows.
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            }
        }

        var interrupted = false;
        try
        {
            if (consoles.Interactive)
            {
                await consoles.Err.Progress().AutoClear(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
                    .StartAsync(async context =>
                    {
                        var span = ((end ?? time.GetUtcNow()) - start).TotalMinutes;
                        var task = context.AddTask("simulating", maxValue: Math.Max(1, span));
                        task.IsIndeterminate = end is null && speed is not null;
                        await Run(() =>
                        {
                            if (end is null)
                            {
                                task.MaxValue = Math.Max(1, (time.GetUtcNow() - start).TotalMinutes);
                            }

                            task.Value = Math.Min(task.MaxValue, (city.Now - start).TotalMinutes);
                            task.Description = Markup.Escape(
                                $"{Short(city.Now)}  {totals.Sent:N0} events  {totals.Sent / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s");
                        });
                    });
            }
            else
            {
                var lastHour = -1L;
                await Run(() =>
                {
                    // One line per simulated hour sent, enough to follow a backfill in a log.
                    var hour = (long)(city.Now - start).TotalHours;
                    if (hour != lastHour)
                    {
                        lastHour = hour;
                        consoles.Err.WriteLine($"simulated up to {TimeArguments.Iso(city.Now)}: {totals.Sent:N0} events sent ({totals.Accepted:N0} accepted, {totals.Duplicates:N0} duplicates, {totals.Rejected:N0} rejected)");
                    }
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Simulated").AddColumn(new TableColumn("Events sent").RightAligned()).AddColumn(new TableColumn("Accepted").RightAligned())
            .AddColumn(new TableColumn("Duplicates").RightAligned()).AddColumn(new TableColumn("Rejected").RightAligned());
        table.AddRow(
            Markup.Escape($"{TimeArguments.Iso(start)} → {TimeArguments.Iso(city.Now)}"),
            $"{totals.Sent:N0}", $"{totals.Accepted:N0}", $"{totals.Duplicates:N0}", totals.Rejected > 0 ? $"[red]{totals.Rejected:N0}[/]" : "0");
        consoles.Out.Write(table);
        if (interrupted && end is not null)
        {
            consoles.Warn("interrupted: run the same command again to go on (events already sent count as duplicates)");
            return ExitCodes.Interrupted;
        }

        return totals.Rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
    }

    /// <summary>Simulated time for the progress bar: <c>2026-10-14 09:30</c> (Vietnam time).</summary>
    private static string Short(DateTimeOffset t) => TimeArguments.Iso(t)[..16].Replace('T', ' ');

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed class SentTotals
    {
        public long Sent { get; private set; }

        public long Accepted { get; private set; }

        public long Duplicates { get; private set; }

        public long Rejected { get; private set; }

        public void Add(int sent, IngestAnswer answer)
        {
            Sent += sent;
            Accepted += answer.Accepted;
            Duplicates += answer.Duplicates;
            Rejected += answer.Rejected.Count;
        }
    }
}
