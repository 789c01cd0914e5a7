namespace GovPulse.Cli.Tests;

/// <summary>Runs <c>govpulse</c> in this process with plain consoles and returns what it wrote.</summary>
internal static class Cli
{
    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(params string[] args) => await RunAsync(null, args);

    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var consoles = CliConsoles.Plain(output, error, name => environment?.GetValueOrDefault(name));
        var exit = await GovPulseCli.RunAsync(args, consoles);
        return (exit, output.ToString(), error.ToString());
    }
}
