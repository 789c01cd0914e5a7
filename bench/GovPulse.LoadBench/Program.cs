using System.CommandLine;
using System.Globalization;
using GovPulse.Indicators.Periods;
using GovPulse.LoadBench;
using Spectre.Console;

// End-to-end load bench; docs/benchmarks.md, "End-to-end ingest".
var scenario = new Option<string>("--scenario") { Description = "backfill, latency or both (the city), or national (the synthetic nation: a month's backfill and the 3,321 communes' ranking)", DefaultValueFactory = _ => "both" };
scenario.AcceptOnlyFromAmong("backfill", "latency", "both", "national");
var url = new Option<string?>("--url") { Description = "Measure this running node instead of starting a fresh one (needs --key)", HelpName = "URL" };
var key = new Option<string?>("--key") { Description = "API key of the node at --url (default: GOVPULSE_KEY)", HelpName = "KEY" };
var pid = new Option<int?>("--pid") { Description = "Process id of the node at --url, for its memory (/proc)", HelpName = "PID" };
var repo = new Option<string?>("--repo") { Description = "Repository whose silo to build and start (default: the one above the current directory)", HelpName = "DIR" };
var noBuild = new Option<bool>("--no-build") { Description = "Start the existing Release build of the silo" };
var nodeArguments = new Option<string[]>("--node-arg") { Description = "Extra setting for the started node, e.g. --node-arg=--GovPulse:Ingest:MaxConcurrentBatches=4 (repeatable)", AllowMultipleArgumentsPerToken = false };
var from = new Option<string?>("--from") { Description = "Backfill from this date (Vietnam time; default: the first day of the month two months ago)", HelpName = "DATE" };
var to = new Option<string?>("--to") { Description = "Backfill to the end of this date (default: the last day of last month)", HelpName = "DATE" };
var month = new Option<string?>("--month") { Description = "Backfill this month (yyyy-MM) instead of --from/--to", HelpName = "MONTH" };
var scale = new Option<double>("--scale") { Description = "National: multiply the nation's traffic (1 ≈ 19 M events a month; 0.01 for a quick run)", DefaultValueFactory = _ => 1 };
var probes = new Option<int>("--probes") { Description = "Timed asks of each ranking (the backfill's ended month, quarter and year; the national scenario's)", DefaultValueFactory = _ => 200 };
var seed = new Option<int>("--seed") { Description = "Simulator seed", DefaultValueFactory = _ => 2026 };
var batchSize = new Option<int>("--batch-size") { Description = "Backfill events per request", DefaultValueFactory = _ => 5_000 };
var concurrency = new Option<int>("--concurrency") { Description = "Backfill senders (requests in flight)", DefaultValueFactory = _ => 4 };
var work = new Option<string>("--work") { Description = "Where the generated backfill is kept (reused by later runs)", DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "govpulse-loadbench") };
var backfillLimit = new Option<int>("--backfill-limit") { Description = "Stop the backfill after this many seconds", DefaultValueFactory = _ => 1800 };
var rate = new Option<double>("--rate") { Description = "Latency: background events per second", DefaultValueFactory = _ => 1_000 };
var tick = new Option<int>("--tick-ms") { Description = "Latency: one background request every N ms", DefaultValueFactory = _ => 100 };
var warmup = new Option<int>("--warmup") { Description = "Latency: seconds before probes count", DefaultValueFactory = _ => 15 };
var duration = new Option<int>("--duration") { Description = "Latency: seconds measured", DefaultValueFactory = _ => 180 };
var probeMs = new Option<int>("--probe-ms") { Description = "Latency: one probe every N ms (alternately quiet and busy)", DefaultValueFactory = _ => 250 };
var probeUnits = new Option<int>("--probe-units") { Description = "Latency: quiet communes, and as many busy ones", DefaultValueFactory = _ => 16 };

var root = new RootCommand("GovPulse end-to-end load bench: HTTP → ClickHouse → grains → SignalR, on a fresh node or a running one")
{
    scenario, url, key, pid, repo, noBuild, nodeArguments, from, to, month, scale, probes, seed, batchSize, concurrency, work, backfillLimit, rate, tick, warmup, duration, probeMs, probeUnits,
};
root.SetAction(async (parse, cancellationToken) =>
{
    if (!AnsiConsole.Profile.Capabilities.Interactive)
    {
        AnsiConsole.Profile.Width = 240; // a log or a pipe: one result a line
    }

    var which = parse.GetValue(scenario)!;
    var today = VietnamTime.LocalDate(DateTimeOffset.UtcNow);
    var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
    var start = parse.GetValue(from) is { } f ? DateOnly.Parse(f, CultureInfo.InvariantCulture) : firstOfMonth.AddMonths(-2);
    var end = parse.GetValue(to) is { } t ? DateOnly.Parse(t, CultureInfo.InvariantCulture) : firstOfMonth.AddDays(-1);
    if (parse.GetValue(month) is { } m)
    {
        start = DateOnly.ParseExact(m + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        end = start.AddMonths(1).AddDays(-1);
    }

    // The nation's directory file is written before the node starts, which loads it (GovPulse:Directory:File).
    var extraNodeArguments = parse.GetValue(nodeArguments) ?? [];
    if (which == "national")
    {
        extraNodeArguments = [.. extraNodeArguments, NationalScenario.DirectoryArgument(parse.GetValue(work)!, parse.GetValue(seed))];
    }

    AnsiConsole.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Machine: {Environment.ProcessorCount} CPUs, {Environment.OSVersion}, .NET {Environment.Version}; load average {LoadAverage()}"));
    await using var node = parse.GetValue(url) is { } u
        ? NodeUnderTest.Running(new Uri(u), parse.GetValue(key) ?? Environment.GetEnvironmentVariable("GOVPULSE_KEY") ?? throw new InvalidOperationException("--url needs --key or GOVPULSE_KEY"), parse.GetValue(pid))
        : await NodeUnderTest.StartAsync(parse.GetValue(repo) ?? FindRepository(), !parse.GetValue(noBuild), extraNodeArguments, AnsiConsole.WriteLine, cancellationToken);
    AnsiConsole.WriteLine($"Node: {node.BaseAddress}{(node.Started ? " (started here, fresh data directory)" : string.Empty)}");

    var ok = true;
    try
    {
        if (which is "backfill" or "both")
        {
            ok &= await BackfillScenario.RunAsync(node, new BackfillSettings(
                parse.GetValue(seed), VietnamTime.StartOfDay(start), VietnamTime.StartOfDay(end.AddDays(1)), parse.GetValue(batchSize), parse.GetValue(concurrency),
                parse.GetValue(work)!, TimeSpan.FromSeconds(parse.GetValue(backfillLimit)), parse.GetValue(probes)), cancellationToken);
            AnsiConsole.WriteLine($"Load average after the backfill: {LoadAverage()}");
        }

        if (which is "national")
        {
            ok &= await NationalScenario.RunAsync(node, new NationalSettings(
                parse.GetValue(seed), VietnamTime.StartOfDay(start), VietnamTime.StartOfDay(end.AddDays(1)), parse.GetValue(scale), parse.GetValue(batchSize), parse.GetValue(concurrency),
                parse.GetValue(work)!, TimeSpan.FromSeconds(parse.GetValue(backfillLimit)), parse.GetValue(probes)), cancellationToken);
            AnsiConsole.WriteLine($"Load average after the national run: {LoadAverage()}");
        }

        if (which is "latency" or "both")
        {
            ok &= await LatencyScenario.RunAsync(node, new LatencySettings(
                parse.GetValue(rate), TimeSpan.FromMilliseconds(parse.GetValue(tick)), TimeSpan.FromSeconds(parse.GetValue(warmup)), TimeSpan.FromSeconds(parse.GetValue(duration)),
                TimeSpan.FromMilliseconds(parse.GetValue(probeMs)), parse.GetValue(probeUnits), parse.GetValue(seed)), cancellationToken);
            AnsiConsole.WriteLine($"Load average after the latency run: {LoadAverage()}");
        }
    }
    catch (Exception) when (node.Started)
    {
        AnsiConsole.WriteLine("The node's last output:");
        var output = node.Output;
        AnsiConsole.WriteLine(output.Length > 4000 ? output[^4000..] : output);
        throw;
    }

    return ok ? 0 : 1;
});
return await root.Parse(args).InvokeAsync();

static string FindRepository()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "GovPulse.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("GovPulse.sln not found above the current directory; pass --repo DIR");
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "n/a";
