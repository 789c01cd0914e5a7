using Spectre.Console;

namespace GovPulse.Cli;

/// <summary>
/// Where a command writes: results (tables, JSON, NDJSON) to <see cref="Out"/>, progress, warnings
/// and errors to <see cref="Err"/>, so <c>--json</c> and <c>--out -</c> can be piped.
/// </summary>
/// <param name="Environment">Reads an environment variable (GOVPULSE_KEY, GOVPULSE_URL); tests pass their own.</param>
public sealed record CliConsoles(IAnsiConsole Out, IAnsiConsole Err, TextWriter RawOut, Func<string, string?> Environment)
{
    /// <summary>Progress bars need a terminal; otherwise a plain line per step is written, which logs and tests can read.</summary>
    public bool Interactive => Err.Profile.Out.IsTerminal && Err.Profile.Capabilities.Interactive && Err.Profile.Capabilities.Ansi;

    public static CliConsoles System() => new(
        Unwrapped(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) })),
        Unwrapped(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) })),
        Console.Out,
        global::System.Environment.GetEnvironmentVariable);

    /// <summary>Plain consoles over writers (no colours, no live display), for tests and redirected output.</summary>
    public static CliConsoles Plain(TextWriter output, TextWriter error, Func<string, string?>? environment = null) => new(
        Unwrapped(Plain(output)),
        Unwrapped(Plain(error)),
        output,
        environment ?? (_ => null));

    private static IAnsiConsole Plain(TextWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.No,
        ColorSystem = ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.No,
    });

    /// <summary>Output that is not a terminal (a log, a pipe, a test) keeps each message on one line, so it can be searched.</summary>
    private static IAnsiConsole Unwrapped(IAnsiConsole console)
    {
        if (!console.Profile.Out.IsTerminal)
        {
            console.Profile.Width = 1000;
        }

        return console;
    }

    public void Warn(string message) => Err.MarkupLineInterpolated($"[yellow]warning:[/] {message}");

    public void Note(string message) => Err.MarkupLineInterpolated($"[grey]{message}[/]");
}
