using System.CommandLine;
using System.Globalization;
using GovPulse.Cli.Scoring;
using GovPulse.Indicators.Scoring;
using Spectre.Console;

namespace GovPulse.Cli.Commands;

/// <summary>
/// <c>govpulse score FILE [--json]</c>: the scorecard of a counts file, computed here by the same
/// library function as <c>POST /api/v1/score</c> (<see cref="ScorecardScoring.Score"/>), with no node.
/// </summary>
public static class ScoreCommand
{
    public static Command Create(CliConsoles consoles)
    {
        var file = new Argument<string>("FILE") { Description = "Counts: the JSON body of POST /api/v1/score, or a CSV with code,numerator,denominator ('-' for standard input)" };
        var json = new Option<bool>("--json") { Description = "Print the API's JSON answer instead of the table" };
        var bands = new Option<string?>("--bands")
        {
            Description = "Lowest totals of Xuất sắc, Tốt, Khá, Trung bình (default 90,80,70,50, as the node's GovPulse__Scoring__* settings)",
            HelpName = "E,G,F,A",
        };

        var command = new Command("score", "Score a counts file into the Decision 766 scorecard (same input and result as POST /api/v1/score), without a node")
        {
            file, json, bands,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var thresholds = parse.GetValue(bands) is { } text ? Thresholds(text) : BandThresholds.Default;
            var score = ScorecardScoring.Score(CountsFile.Read(path), thresholds);
            if (parse.GetValue(json))
            {
                consoles.RawOut.WriteLine(ScoreJson.Write(score));
            }
            else
            {
                consoles.Out.Write(ScorecardTable.Render(score, path == "-" ? "standard input" : Path.GetFileName(path)));
                consoles.Out.WriteLine();
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static BandThresholds Thresholds(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = parts.Select(p => decimal.TryParse(p, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null).ToList();
        if (values.Count != 4 || values.Any(v => v is null))
        {
            throw new CliException($"--bands '{text}' is not four numbers; write the lowest totals of Xuất sắc, Tốt, Khá and Trung bình, e.g. --bands 90,80,70,50");
        }

        try
        {
            return new BandThresholds(values[0]!.Value, values[1]!.Value, values[2]!.Value, values[3]!.Value);
        }
        catch (ArgumentException ex)
        {
            throw new CliException($"--bands '{text}': {ex.Message}", ExitCodes.UsageOrConnection, ex);
        }
    }
}
