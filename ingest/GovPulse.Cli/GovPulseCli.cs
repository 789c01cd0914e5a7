using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using GovPulse.Cli.Commands;
using Spectre.Console;

namespace GovPulse.Cli;

/// <summary>The <c>govpulse</c> command line: its commands, and how failures become exit codes (docs/cli.md).</summary>
public static class GovPulseCli
{
    public static RootCommand Create(CliConsoles consoles, TimeProvider? time = null)
    {
        var root = new RootCommand("govpulse: import events, simulate Ho Chi Minh City traffic, replay history, score counts, export rankings and scorecards, and manage the API keys, users and webhooks of a GovPulse node")
        {
            ImportCommand.Create(consoles),
            SimulateCommand.Create(consoles, time ?? TimeProvider.System),
            DirectoryCommand.Create(consoles),
            ReplayCommand.Create(consoles),
            ScoreCommand.Create(consoles),
            KeysCommand.Create(consoles),
            UsersCommand.Create(consoles),
            PushCommand.Create(consoles),
            WebhooksCommand.Create(consoles),
            ExportCommand.Create(consoles),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsoles consoles, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(consoles);
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var parse = Create(consoles, time).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                consoles.Err.MarkupLineInterpolated($"[red]govpulse:[/] {error.Message}");
            }

            consoles.Err.WriteLine("Run 'govpulse --help', or 'govpulse COMMAND --help', for the commands and their options.");
            return ExitCodes.UsageOrConnection;
        }

        try
        {
            return await parse.InvokeAsync(
                new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = consoles.RawOut, Error = Console.Error },
                cancellationToken);
        }
        catch (CliException ex)
        {
            consoles.Err.MarkupLineInterpolated($"[red]govpulse:[/] {ex.Message}");
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Interrupted;
        }
    }
}
