using GovPulse.Cli.Commands;

namespace GovPulse.Cli.Tests;

/// <summary>Parsing and exit codes (docs/cli.md): 0 ok, 1 some lines rejected, 2 usage or connection error.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("import")]
    [InlineData("import", "events.ndjson", "--batch-size", "0")]
    [InlineData("replay", "--parallel", "0")]
    [InlineData("keys", "create", "--name", "x", "--unit", "26737", "--all-units")]
    [InlineData("frobnicate")]
    [InlineData()]
    public async Task Wrong_usage_exits_with_2_and_points_at_the_help(params string[] args)
    {
        var (exit, _, err) = await Cli.RunAsync(args);

        exit.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain("govpulse --help");
    }

    [Fact]
    public async Task A_missing_input_file_is_named()
    {
        var (exit, _, err) = await Cli.RunAsync("import", "/nowhere/events.ndjson");

        exit.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain("/nowhere/events.ndjson: no such file");
    }

    [Fact]
    public async Task A_node_that_is_not_running_is_reported_at_once_with_how_to_start_it()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exit, _, err) = await Cli.RunAsync("import", file, "--url", "http://127.0.0.1:9");

            exit.Should().Be(ExitCodes.UsageOrConnection);
            err.Should().Contain("cannot reach http://127.0.0.1:9/").And.Contain("is the node running? Start one with `dotnet run --project silo/GovPulse.Silo`");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("2026-11-01", false, "2026-11-01T00:00:00+07:00")]
    [InlineData("2026-11-30", true, "2026-12-01T00:00:00+07:00")]
    [InlineData("2026-11-01T08:00:00+07:00", true, "2026-11-01T08:00:00+07:00")]
    [InlineData("2026-11-01T01:00:00Z", false, "2026-11-01T08:00:00+07:00")]
    public void From_and_to_take_dates_in_Vietnam_time_or_times_with_offset(string text, bool isTo, string expected) =>
        TimeArguments.Iso(isTo ? TimeArguments.To(text, "--to") : TimeArguments.From(text, "--from")).Should().Be(expected);

    [Theory]
    [InlineData("01/11/2026")]
    [InlineData("2026-11-01T08:00:00")]
    public void A_time_without_offset_is_refused_with_examples(string text) =>
        FluentActions.Invoking(() => TimeArguments.From(text, "--from")).Should().Throw<CliException>()
            .WithMessage($"--from '{text}' is not a date or a time with offset; write e.g. --from 2026-11-01 or --from 2026-11-01T08:00:00+07:00");
}
