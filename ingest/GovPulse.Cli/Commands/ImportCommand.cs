using System.CommandLine;
using GovPulse.Cli.Import;
using Spectre.Console;

namespace GovPulse.Cli.Commands;

/// <summary><c>govpulse import FILE… --url --key</c>: NDJSON or CSV files to <c>POST /api/v1/events</c>, resumable.</summary>
public static class ImportCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "NDJSON (one api-v1 event per line) or CSV (header of api-v1 field names) files",
            Arity = ArgumentArity.OneOrMore,
        };
        var node = new NodeOptions();
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Events per request",
            DefaultValueFactory = _ => 5_000,
            HelpName = "N",
        };
        batchSize.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 50_000)
            {
                r.AddError("--batch-size must be between 1 and 50000 (the node takes 50,000 events a request by default)");
            }
        });
        var stateDirectory = new Option<string?>("--state")
        {
            Description = "Directory for the resume state (default: beside each FILE, as FILE.govpulse-import.json)",
            HelpName = "DIR",
        };
        var rejects = new Option<string?>("--rejects")
        {
            Description = "Where rejected lines go, with their line numbers in FILE (default FILE.rejects.ndjson; one FILE only)",
            HelpName = "PATH",
        };
        var format = new Option<EventFileFormat>("--format")
        {
            Description = "Input format; auto tells by the extension (.csv, .ndjson/.jsonl) or the first character",
            DefaultValueFactory = _ => EventFileFormat.Auto,
        };
        var restart = new Option<bool>("--restart") { Description = "Ignore the saved state and send each FILE from its first line" };

        var command = new Command("import", "Send events from NDJSON or CSV files to a node, in batches, resumable after an interruption")
        {
            files, batchSize, stateDirectory, rejects, format, restart,
        };
        node.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var paths = parse.GetValue(files)!;
            var rejectsPath = parse.GetValue(rejects);
            if (rejectsPath is not null && paths.Length > 1)
            {
                throw new CliException("--rejects names one file, but several FILEs were given: leave it out (each FILE gets FILE.rejects.ndjson)");
            }

            foreach (var path in paths)
            {
                if (!File.Exists(path))
                {
                    throw new CliException(Directory.Exists(path) ? $"{path} is a directory: give the event files in it, e.g. {Path.Combine(path, "*.ndjson")}" : $"{path}: no such file");
                }
            }

            var settings = new ImportSettings(parse.GetValue(batchSize), StateDirectory: parse.GetValue(stateDirectory), Restart: parse.GetValue(restart));
            using var client = node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            return await RunAsync(consoles, client, settings, paths, parse.GetValue(format), rejectsPath, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        CliConsoles consoles, Node.NodeClient client, ImportSettings settings, string[] paths, EventFileFormat format, string? rejectsPath, CancellationToken cancellationToken)
    {
        var results = new List<FileImportResult>();
        var interrupted = false;
        async Task ImportAll(Func<string, Action<ImportStep>> stepped)
        {
            foreach (var path in paths)
            {
                var importer = new Importer(client, settings, consoles.Note, stepped(path));
                results.Add(await importer.ImportAsync(path, format, rejectsPath, cancellationToken));
            }
        }

        try
        {
            if (consoles.Interactive)
            {
                await consoles.Err.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async context => await ImportAll(path =>
                    {
                        var task = context.AddTask(Markup.Escape(Path.GetFileName(path)), maxValue: Math.Max(1, new FileInfo(path).Length));
                        return step =>
                        {
                            task.Value = step.Position;
                            task.Description = Markup.Escape($"{step.File}  {step.Totals.Accepted + step.Totals.Duplicates:N0} events  {step.EventsPerSecond:N0}/s");
                        };
                    }));
            }
            else
            {
                await ImportAll(_ => step => consoles.Err.WriteLine(
                    $"{step.File}: lines {step.FirstLine:N0}–{step.LastLine:N0} acknowledged ({step.Totals.Accepted:N0} accepted, {step.Totals.Duplicates:N0} duplicates, "
                    + $"{step.Totals.Rejected:N0} rejected so far; {step.EventsPerSecond:N0} events/s)"));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }

        Summary(consoles, results);
        if (interrupted)
        {
            consoles.Warn("interrupted: every acknowledged batch is recorded; run the same command again to continue where it stopped");
            return ExitCodes.Interrupted;
        }

        var rejected = results.Where(r => r.Totals.Rejected > 0).ToList();
        foreach (var r in rejected)
        {
            consoles.Warn($"{r.Totals.Rejected:N0} line{(r.Totals.Rejected == 1 ? string.Empty : "s")} of {Path.GetFileName(r.File)} rejected: see {r.RejectsPath} (line numbers are those of {Path.GetFileName(r.File)})");
        }

        return rejected.Count > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
    }

    private static void Summary(CliConsoles consoles, List<FileImportResult> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("File")
            .AddColumn(new TableColumn("Accepted").RightAligned())
            .AddColumn(new TableColumn("Duplicates").RightAligned())
            .AddColumn(new TableColumn("Rejected").RightAligned())
            .AddColumn("Rejects file");
        foreach (var r in results)
        {
            var name = Path.GetFileName(r.File) + (r.AlreadyComplete ? " (already imported)" : r.Resumed ? " (resumed)" : string.Empty);
            table.AddRow(
                Markup.Escape(name),
                $"{r.Totals.Accepted:N0}",
                $"{r.Totals.Duplicates:N0}",
                r.Totals.Rejected > 0 ? $"[red]{r.Totals.Rejected:N0}[/]" : "0",
                r.Totals.Rejected > 0 ? Markup.Escape(r.RejectsPath) : "-");
        }

        if (results.Count > 1)
        {
            table.AddRow(
                "[bold]Total[/]",
                $"[bold]{results.Sum(r => r.Totals.Accepted):N0}[/]",
                $"[bold]{results.Sum(r => r.Totals.Duplicates):N0}[/]",
                $"[bold]{results.Sum(r => r.Totals.Rejected):N0}[/]",
                string.Empty);
        }

        consoles.Out.Write(table);
    }
}
