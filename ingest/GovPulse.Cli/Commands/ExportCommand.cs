using System.CommandLine;
using GovPulse.Cli.Node;
using Spectre.Console;

namespace GovPulse.Cli.Commands;

/// <summary>
/// <c>govpulse export rankings|unit CODE</c>: a ranking or a unit's scorecard as a file (CSV, Excel,
/// PDF, PNG or SVG) as known at an instant, through the node's exports API. Prints the as-of time
/// and the manifest hash: the same command with the same <c>--as-of</c> later gives the same bytes.
/// </summary>
public static class ExportCommand
{
    private static readonly string[] Formats = ["csv", "xlsx", "pdf", "png", "svg"];
    private static readonly string[] Languages = ["vi", "en"];
    private static readonly string[] Levels = ["commune", "department"];

    public static Command Create(CliConsoles consoles)
    {
        var command = new Command("export", "Download a ranking or a unit's scorecard as a file (csv, xlsx, pdf, png, svg), as known at an instant, with its manifest hash");
        command.Add(Rankings(consoles));
        command.Add(Unit(consoles));
        return command;
    }

    private static Command Rankings(CliConsoles consoles)
    {
        var options = new ExportOptions();
        var level = new Option<string>("--level") { Description = "commune (default) or department", HelpName = "LEVEL", DefaultValueFactory = _ => "commune" };
        var command = new Command("rankings", "The ranking of communes or departments for a period") { level };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var chosen = Choice(parse.GetValue(level)!, Levels, "--level", "commune or department");
            return options.RunAsync(parse, consoles, "/api/v1/exports/rankings", [new("level", chosen)], $"export the {chosen} ranking", cancellationToken);
        });
        return command;
    }

    private static Command Unit(CliConsoles consoles)
    {
        var options = new ExportOptions();
        var code = new Argument<string>("CODE") { Description = "The unit's code (e.g. 26734, so-tu-phap), or 79 for the whole city; `GET /api/v1/units` lists them" };
        var command = new Command("unit", "One unit's scorecard (or the city's, code 79) for a period, with its 12-month trend") { code };
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var unit = parse.GetValue(code)!.Trim();
            if (unit.Length == 0 || unit.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
            {
                throw new CliException($"CODE '{unit}' is not a unit code: give one such as 26734 or so-tu-phap (GET /api/v1/units lists them), or 79 for the city");
            }

            return options.RunAsync(parse, consoles, $"/api/v1/exports/units/{unit}/scorecard", [], $"export the scorecard of unit {unit}", cancellationToken);
        });
        return command;
    }

    /// <summary>The value when it is one of <paramref name="allowed"/>; otherwise an error naming the option and what it takes.</summary>
    internal static string Choice(string value, IReadOnlyCollection<string> allowed, string option, string expected)
    {
        var trimmed = value.Trim().ToLowerInvariant();
        return allowed.Contains(trimmed)
            ? trimmed
            : throw new CliException($"{option} '{value}' is not {expected}: give {option} {string.Join('|', allowed)}");
    }

    /// <summary>The options both subcommands share, and the download itself.</summary>
    private sealed class ExportOptions
    {
        private readonly NodeOptions _node = new();

        private readonly Option<string?> _period = new("--period")
        {
            Description = "2026-11, 2026-Q4, 2026 or 2026-11-01..2026-11-15 (default: the current month)",
            HelpName = "PERIOD",
        };

        private readonly Option<string?> _asOf = new("--as-of")
        {
            Description = "The figures as known at this instant, e.g. 2026-12-01T08:00:00+07:00 (default: now, printed so you can ask again)",
            HelpName = "TIME",
        };

        private readonly Option<string> _format = new("--format") { Description = "csv (default), xlsx, pdf, png or svg", HelpName = "FORMAT", DefaultValueFactory = _ => "csv" };

        private readonly Option<string> _lang = new("--lang") { Description = "vi (default) or en: the file's headings", HelpName = "LANG", DefaultValueFactory = _ => "vi" };

        private readonly Option<string?> _out = new("--out")
        {
            Description = "Where to write the file; a folder takes the node's file name (default: that name, e.g. xep-hang-phuong-xa-2026-11.csv, in the current folder)",
            HelpName = "FILE",
        };

        public void AddTo(Command command)
        {
            command.Add(_period);
            command.Add(_asOf);
            command.Add(_format);
            command.Add(_lang);
            command.Add(_out);
            _node.AddTo(command);
        }

        public async Task<int> RunAsync(
            ParseResult parse, CliConsoles consoles, string path, IReadOnlyList<KeyValuePair<string, string>> more, string purpose, CancellationToken cancellationToken)
        {
            var format = Choice(parse.GetValue(_format)!, Formats, "--format", "a file format the node writes");
            var lang = Choice(parse.GetValue(_lang)!, Languages, "--lang", "a language of the files");
            var query = new List<KeyValuePair<string, string>>(more) { new("format", format), new("lang", lang) };
            if (parse.GetValue(_period) is { Length: > 0 } period)
            {
                query.Add(new("period", period.Trim()));
            }

            if (parse.GetValue(_asOf) is { Length: > 0 } asOf)
            {
                query.Add(new("asOf", asOf.Trim()));
            }

            var request = path + "?" + string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
            using var client = _node.Client(parse, consoles);
            await client.CheckReachableAsync(cancellationToken);
            var download = consoles.Interactive
                ? await consoles.Err.Status().StartAsync(Markup.Escape($"Exporting ({format})…"), _ => client.DownloadExportAsync(request, purpose, cancellationToken))
                : await client.DownloadExportAsync(request, purpose, cancellationToken);

            // The node's name, kept to a bare file name: a header never chooses the folder written to.
            var offered = download.FileName is { Length: > 0 } named ? Path.GetFileName(named) : $"export.{format}";
            var chosen = parse.GetValue(_out);
            var target = string.IsNullOrEmpty(chosen) ? offered : Directory.Exists(chosen) ? Path.Combine(chosen, offered) : chosen;
            Write(target, download.Content);
            consoles.Out.MarkupLineInterpolated($"Wrote [bold]{target}[/] ({download.Content.Length:N0} bytes)");
            consoles.RawOut.WriteLine($"as of:    {download.AsOf ?? "(not stated)"}");
            consoles.RawOut.WriteLine($"manifest: {download.ManifestSha256 ?? "(not stated)"}");
            consoles.Note(download.AsOf is { } stated
                ? $"the same file again: add --as-of {stated}; check a file: GET /api/v1/exports/manifests/<its SHA-256>"
                : "the node stated no as-of time: is it a version with the exports API?");
            return ExitCodes.Ok;
        }

        private static void Write(string target, byte[] content)
        {
            var full = Path.GetFullPath(target);
            var folder = Path.GetDirectoryName(full)!;
            if (!Directory.Exists(folder))
            {
                throw new CliException($"--out '{target}': folder {folder} does not exist; create it or give another --out");
            }

            // Written beside the target and moved over it, so an interrupted run never leaves half a file under its name.
            var partial = full + ".partial";
            try
            {
                File.WriteAllBytes(partial, content);
                File.Move(partial, full, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--out '{target}' cannot be written ({ex.Message}): give a path you may write to", ExitCodes.UsageOrConnection, ex);
            }
        }
    }
}
