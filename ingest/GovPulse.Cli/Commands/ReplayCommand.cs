using System.Collections.Concurrent;
using System.CommandLine;
using GovPulse.Cli.Node;
using Spectre.Console;

namespace GovPulse.Cli.Commands;

/// <summary>
/// <c>govpulse replay --from --to [--unit CODE…]</c> re-applies the stored events of a time range to
/// the unit grains; <c>govpulse replay --rebuild</c> rebuilds each unit from every stored event (after
/// a rule change). One <c>POST /api/v1/admin/replay</c> per unit; every unit of
/// <c>GET /api/v1/units</c> but the city (which pools its units) when no <c>--unit</c> is given.
/// </summary>
public static class ReplayCommand
{
    /// <summary>Above this many units, finished units leave the live display (the table at the end lists them).</summary>
    private const int UnitsShownWhenDone = 20;

    public static Command Create(CliConsoles consoles)
    {
        var node = new NodeOptions();
        var from = new Option<string?>("--from") { Description = "Start of the events to re-apply: a date (Vietnam time) or a time with offset", HelpName = "DATE|TIME" };
        var to = new Option<string?>("--to") { Description = "End (exclusive): a date (its end) or a time with offset", HelpName = "DATE|TIME" };
        var units = new Option<string[]>("--unit")
        {
            Description = "Unit code to replay (repeat for more; default: every commune and department)",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "CODE",
        };
        var rebuild = new Option<bool>("--rebuild") { Description = "Rebuild each unit from every stored event, dropping its snapshots (no --from/--to needed)" };
        var parallel = new Option<int>("--parallel") { Description = "Units replayed at the same time", DefaultValueFactory = _ => 2, HelpName = "N" };
        parallel.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 16)
            {
                r.AddError("--parallel must be between 1 and 16");
            }
        });

        var command = new Command("replay", "Re-apply stored events to the unit grains over a time range (after a rule change); needs the admin key")
        {
            from, to, units, rebuild, parallel,
        };
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var isRebuild = parse.GetValue(rebuild);
            var (start, end) = (parse.GetValue(from), parse.GetValue(to)) switch
            {
                ({ } f, { } t) => (TimeArguments.From(f, "--from"), TimeArguments.To(t, "--to")),
                _ when isRebuild => ((DateTimeOffset?)null, (DateTimeOffset?)null),
                _ => throw new CliException("--from and --to are needed to say which events to re-apply, e.g. --from 2026-10-01 --to 2026-10-31; or use --rebuild to rebuild from every stored event"),
            };
            if (end <= start)
            {
                throw new CliException($"--to ({TimeArguments.Iso(end!.Value)}) is not after --from ({TimeArguments.Iso(start!.Value)}): give a later --to or an earlier --from");
            }

            if (isRebuild && start is not null)
            {
                consoles.Warn("--rebuild rebuilds each unit from every stored event; --from and --to do not narrow it");
            }

            using var client = node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            var known = await client.GetUnitsAsync(cancellationToken);
            var chosen = Choose(known, parse.GetValue(units) ?? [], client.BaseAddress);
            var requests = chosen.Select(u => isRebuild
                ? new ReplayRequest(u.Code, null, null, Rebuild: true)
                : new ReplayRequest(u.Code, TimeArguments.Iso(start!.Value), TimeArguments.Iso(end!.Value), Rebuild: false)).ToList();
            return await RunAsync(consoles, client, requests, chosen, parse.GetValue(parallel), cancellationToken);
        });
        return command;
    }

    /// <summary>The units asked for (in the node's order), or every commune and department.</summary>
    public static IReadOnlyList<UnitRow> Choose(IReadOnlyList<UnitRow> known, IReadOnlyList<string> asked, Uri node)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(asked);
        if (asked.Count == 0)
        {
            return known.Where(u => !string.Equals(u.Kind, "city", StringComparison.OrdinalIgnoreCase)).ToList();
        }

        var unknown = asked.Where(code => !known.Any(u => u.Code == code)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliException($"--unit {string.Join(", ", unknown)}: not a unit of {node} (see GET /api/v1/units; communes have 5-digit codes such as 26737)");
        }

        return known.Where(u => asked.Contains(u.Code)).ToList();
    }

    private static async Task<int> RunAsync(
        CliConsoles consoles, NodeClient client, List<ReplayRequest> requests, IReadOnlyList<UnitRow> units, int parallel, CancellationToken cancellationToken)
    {
        var names = units.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        var answers = new ConcurrentDictionary<string, ReplayAnswer>(StringComparer.Ordinal);
        var interrupted = false;

        async Task ReplayAll(Func<ReplayRequest, Action<ReplayAnswer?>> track)
        {
            // The first failure stops the others and is what the user sees (a wrong key fails every unit alike).
            CliException? failure = null;
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            try
            {
                await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = failed.Token }, async (request, token) =>
                {
                    var done = track(request);
                    try
                    {
                        var answer = await client.ReplayAsync(request, token);
                        answers[request.UnitCode] = answer;
                        done(answer);
                    }
                    catch (CliException ex)
                    {
                        Interlocked.CompareExchange(ref failure, new CliException($"unit {request.UnitCode} ({names[request.UnitCode]}): {ex.Message}", ex.ExitCode, ex), null);
                        await failed.CancelAsync();
                    }
                });
            }
            catch (OperationCanceledException) when (failure is not null && !cancellationToken.IsCancellationRequested)
            {
                // stopped because of the failure below
            }

            if (failure is not null)
            {
                throw failure;
            }
        }

        try
        {
            if (consoles.Interactive)
            {
                await consoles.Err.Progress()
                    .AutoClear(false)
                    .HideCompleted(requests.Count > UnitsShownWhenDone)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                    .StartAsync(async context =>
                    {
                        var overall = context.AddTask($"{requests.Count:N0} units", maxValue: requests.Count);
                        await ReplayAll(request =>
                        {
                            var task = context.AddTask(Markup.Escape($"{request.UnitCode} {names[request.UnitCode]}"), maxValue: 1);
                            task.IsIndeterminate = true;
                            return answer =>
                            {
                                task.IsIndeterminate = false;
                                task.Description = Markup.Escape($"{request.UnitCode} {names[request.UnitCode]}: {answer?.Events:N0} events, {answer?.Changed:N0} changed");
                                task.Value = 1;
                                task.StopTask();
                                overall.Increment(1);
                            };
                        });
                    });
            }
            else
            {
                var done = 0;
                await ReplayAll(request => answer => consoles.Err.WriteLine(
                    $"[{Interlocked.Increment(ref done)}/{requests.Count}] {request.UnitCode} {names[request.UnitCode]}: {answer?.Events:N0} events, {answer?.Changed:N0} changed{(answer?.Rebuilt == true ? ", rebuilt" : string.Empty)}"));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }

        Summary(consoles, requests, answers, names);
        if (interrupted)
        {
            consoles.Warn($"interrupted after {answers.Count:N0} of {requests.Count:N0} units; replaying a unit again is harmless");
            return ExitCodes.Interrupted;
        }

        return ExitCodes.Ok;
    }

    private static void Summary(CliConsoles consoles, List<ReplayRequest> requests, ConcurrentDictionary<string, ReplayAnswer> answers, Dictionary<string, string> names)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Unit").AddColumn("Name")
            .AddColumn(new TableColumn("Events").RightAligned()).AddColumn(new TableColumn("Changed").RightAligned()).AddColumn("Rebuilt");
        var listed = requests.Where(r => answers.ContainsKey(r.UnitCode))
            .Where(r => requests.Count <= UnitsShownWhenDone || answers[r.UnitCode].Changed > 0 || answers[r.UnitCode].Rebuilt)
            .ToList();
        foreach (var r in listed)
        {
            var a = answers[r.UnitCode];
            table.AddRow(Markup.Escape(r.UnitCode), Markup.Escape(names[r.UnitCode]), $"{a.Events:N0}", $"{a.Changed:N0}", a.Rebuilt ? "yes" : "no");
        }

        table.AddRow(
            $"[bold]{answers.Count:N0} units[/]",
            listed.Count < answers.Count ? $"[grey]{answers.Count - listed.Count:N0} unchanged not listed[/]" : string.Empty,
            $"[bold]{answers.Values.Sum(a => a.Events):N0}[/]",
            $"[bold]{answers.Values.Sum(a => a.Changed):N0}[/]",
            string.Empty);
        consoles.Out.Write(table);
    }
}
