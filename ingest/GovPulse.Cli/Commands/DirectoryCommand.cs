using System.CommandLine;
using System.Text;
using GovPulse.Indicators.Units;

namespace GovPulse.Cli.Commands;

/// <summary>
/// <c>govpulse directory synthetic --out FILE [--seed N]</c>: writes the synthetic national unit
/// directory (<see cref="SyntheticNation"/>) for load tests, in the format a node loads with
/// <c>GovPulse:Directory:File</c>; <c>govpulse directory check FILE</c> reads a directory file as a
/// node would and says what it holds or what is wrong (file, line, field).
/// </summary>
public static class DirectoryCommand
{
    public static Command Create(CliConsoles consoles)
    {
        ArgumentNullException.ThrowIfNull(consoles);
        var command = new Command("directory", "Unit directory files (GovPulse:Directory:File): make the synthetic nation for load tests, check a file");
        command.Subcommands.Add(Synthetic(consoles));
        command.Subcommands.Add(Check(consoles));
        return command;
    }

    private static Command Synthetic(CliConsoles consoles)
    {
        var output = new Option<string>("--out") { Description = "Write the directory CSV to this file ('-' for standard output)", HelpName = "FILE", Required = true };
        var seed = new Option<int>("--seed") { Description = "Same seed, same directory (the communes each synthetic province gets)", DefaultValueFactory = _ => 2026 };
        var command = new Command("synthetic", $"Write a synthetic national directory: {SyntheticNation.ProvinceCount} provinces and {SyntheticNation.CommuneCount:N0} communes, Ho Chi Minh City's real units as province 79, every other unit marked synthetic")
        {
            output, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = SyntheticNation.Create(parse.GetValue(seed));
            var path = parse.GetValue(output)!;
            var text = new StringWriter();
            UnitDirectoryFile.Write(directory, text);
            if (path == "-")
            {
                await consoles.RawOut.WriteAsync(text.ToString());
                await consoles.RawOut.FlushAsync(cancellationToken);
            }
            else
            {
                try
                {
                    await File.WriteAllTextAsync(path, text.ToString(), new UTF8Encoding(false), cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"cannot write {path}: {ex.Message}", ex);
                }
            }

            consoles.Note(Summary(directory, path == "-" ? "standard output" : path));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Check(CliConsoles consoles)
    {
        var file = new Argument<string>("FILE") { Description = "The unit directory CSV to check" };
        var command = new Command("check", "Read a unit directory file as a node does at start; name the line and field of the first problem")
        {
            file,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            try
            {
                consoles.Note(Summary(UnitDirectoryFile.Load(path), path));
                return ExitCodes.Ok;
            }
            catch (DirectoryFormatException ex)
            {
                throw new CliException(ex.Message, ex);
            }
        });
        return command;
    }

    private static string Summary(UnitDirectory directory, string where)
    {
        int Count(UnitKind kind) => directory.All.Count(u => u.Kind == kind);
        return $"{where}: {directory.Provinces.Count} provinces, {Count(UnitKind.Department):N0} departments, {Count(UnitKind.Commune):N0} communes"
            + (directory.Nation is { } nation ? $" under {nation.Code} ({nation.Name})" : string.Empty)
            + $"; {directory.SyntheticCount:N0} units synthetic";
    }
}
