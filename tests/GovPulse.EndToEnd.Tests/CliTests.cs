using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GovPulse.EndToEnd.Tests.Fixtures;
using GovPulse.Indicators.Units;
using Xunit.Abstractions;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// The <c>govpulse</c> CLI as a city IT team runs it: the built tool in its own process
/// (<c>dotnet govpulse.dll …</c>) against real nodes on 127.0.0.1.
/// </summary>
public sealed class CliTests(NodeFixture fixture, ITestOutputHelper output) : IClassFixture<NodeFixture>, IDisposable
{
    // A past morning, so every figure is evaluated at the end of its month and does not move between readings.
    private const string From = "2026-10-14T07:30:00+07:00";
    private const string To = "2026-10-14T10:00:00+07:00";
    private const string Period = "2026-10";

    private readonly string _directory = Directory.CreateTempSubdirectory("govpulse-e2e-cli-").FullName;

    [Fact]
    public async Task Import_resumes_after_being_killed_half_way_and_the_final_figures_equal_a_clean_import()
    {
        var events = await SimulatedMorning("morning.ndjson", seed: 7);
        var lines = (await File.ReadAllLinesAsync(events)).ToList();
        lines[2] = lines[2].Replace(From[..10] + "T", "14/10/2026 ", StringComparison.Ordinal);
        var badLine = lines.Count / 2;
        lines.Insert(badLine, "{ this is not an event");
        await File.WriteAllLinesAsync(events, lines);
        var cleanCopy = Path.Combine(_directory, "clean.ndjson");
        File.Copy(events, cleanCopy);
        var cleanNodeDirectory = Path.Combine(_directory, "clean-node");
        var cleanNode = NodeProcess.StartAsync(cleanNodeDirectory, NodeFixture.ApiKey);

        // Killed (SIGKILL) once three batches are acknowledged: the awaited signal is the CLI's own progress line.
        var killed = Cli.Start(fixture.Node.BaseAddress, "import", events, "--batch-size", "1000");
        await killed.WaitForAsync(line => line.Contains("acknowledged", StringComparison.Ordinal), count: 3, TimeSpan.FromSeconds(90));
        await killed.KillAsync();
        var state = JsonNode.Parse(await File.ReadAllTextAsync(events + ".govpulse-import.json"))!["nodes"]![fixture.Node.BaseAddress.AbsoluteUri]!;
        var resumed = await Cli.Run(fixture.Node.BaseAddress, "import", events, "--batch-size", "1000");
        await using var clean = await cleanNode;
        var cleanRun = await Cli.Run(clean.BaseAddress, "import", cleanCopy, "--batch-size", "5000");

        output.WriteLine($"{lines.Count:N0} lines; killed at line {state["nextLine"]}; resumed run:\n{resumed.Out}{resumed.Err}clean run:\n{cleanRun.Out}");
        state["complete"]!.GetValue<bool>().Should().BeFalse("the CLI was killed before the end");
        state["nextLine"]!.GetValue<long>().Should().BeGreaterThan(3_000).And.BeLessThan(lines.Count);
        resumed.ExitCode.Should().Be(1, "two lines are rejected");
        resumed.Out.Should().Contain("morning.ndjson (resumed)");
        resumed.Err.Should().Contain($"resuming at line {state["nextLine"]!.GetValue<long>():N0}");
        cleanRun.ExitCode.Should().Be(1);
        RejectedLines(events + ".rejects.ndjson").Should().Equal(RejectedLines(cleanCopy + ".rejects.ndjson")).And.Equal(3L, badLine + 1L);
        using var resumedClient = fixture.Node.CreateClient(NodeFixture.ApiKey);
        using var cleanClient = clean.CreateClient(NodeFixture.ApiKey);
        var afterResume = await AllScorecards(resumedClient);
        (await AllScorecards(cleanClient)).Should().Equal(afterResume);
        JsonNode.Parse(afterResume["79"])!["counts"]!["received"]!.GetValue<long>().Should().BeGreaterThan(4_000);
        Directory.Delete(cleanNodeDirectory, recursive: true);
    }

    [Fact]
    public async Task Score_prints_what_POST_score_answers_and_a_table_in_Vietnamese()
    {
        const string Counts = """
            { "indicators": [
              { "code": "PUBLISH_ON_TIME", "numerator": 0, "denominator": 89 },
              { "code": "PUBLIC_UPDATE_ON_TIME", "numerator": 0, "denominator": 70 },
              { "code": "PUBLIC_CONTENT_FULL", "numerator": 87, "denominator": 89 },
              { "code": "DOSSIER_SYNC", "numerator": 475053, "denominator": 475053 },
              { "code": "ON_TIME_PROCESSING", "numerator": 528684, "denominator": 597918 },
              { "code": "ONLINE_PROCEDURES", "numerator": 52, "denominator": 89 },
              { "code": "ONLINE_SERVICES_WITH_DOSSIERS", "numerator": 516, "denominator": 1884 },
              { "code": "ONLINE_SUBMISSION", "numerator": 589496, "denominator": 597894 },
              { "code": "DOSSIERS_PAID_ONLINE", "numerator": 0, "denominator": 0 },
              { "code": "DOSSIER_SATISFACTION", "numerator": 528464, "denominator": 597918 },
              { "code": "PETITION_ON_TIME", "numerator": 296, "denominator": 570 },
              { "code": "PETITION_SATISFACTION", "numerator": null, "denominator": null }
            ] }
            """;
        var path = Path.Combine(_directory, "counts.json");
        await File.WriteAllTextAsync(path, Counts);
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var api = await client.PostAsync(new Uri("/api/v1/score", UriKind.Relative), new StringContent(Counts, Encoding.UTF8, "application/json"));
        var json = await Cli.Run(fixture.Node.BaseAddress, "score", path, "--json");
        var table = await Cli.Run(fixture.Node.BaseAddress, "score", path);

        json.ExitCode.Should().Be(0, json.Err);
        JsonNode.DeepEquals(JsonNode.Parse(json.Out), JsonNode.Parse(await api.Content.ReadAsStringAsync())).Should().BeTrue(json.Out);
        var total = JsonNode.Parse(json.Out)!["total"]!.GetValue<decimal>();
        table.Out.Should().Contain("Tiến độ, kết quả giải quyết").And.Contain("88,42%").And.Contain("17,68")
            .And.Contain($"Tổng điểm: {total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',')}");
    }

    [Fact]
    public async Task Simulate_out_is_byte_identical_for_a_seed_and_differs_for_another()
    {
        var first = await SimulatedMorning("a.ndjson", seed: 11);
        var second = await SimulatedMorning("b.ndjson", seed: 11);
        var other = await SimulatedMorning("c.ndjson", seed: 12);

        var bytes = await File.ReadAllBytesAsync(first);
        bytes.Length.Should().BeGreaterThan(1_000_000);
        (await File.ReadAllBytesAsync(second)).Should().Equal(bytes);
        (await File.ReadAllBytesAsync(other)).Should().NotEqual(bytes);
    }

    [Fact]
    public async Task Keys_made_with_the_cli_send_events_until_revoked_and_replay_reports_the_units_events()
    {
        var node = fixture.Node.BaseAddress;
        var created = await Cli.Run(node, "keys", "create", "--name", "CLI test, Phường Tân Định", "--unit", "26737", "--rate-per-minute", "600", "--json");
        created.ExitCode.Should().Be(0, created.Err);
        var key = JsonNode.Parse(created.Out)!;
        var events = Path.Combine(_directory, "tan-dinh.ndjson");
        await File.WriteAllLinesAsync(events,
        [
            Ndjson.Received("26737", "cli-key-1", new DateTimeOffset(2026, 10, 14, 9, 0, 0, TimeSpan.FromHours(7))),
            Ndjson.Completed("26737", "cli-key-1", new DateTimeOffset(2026, 10, 14, 11, 0, 0, TimeSpan.FromHours(7))),
        ]);

        var sent = await Cli.RunWithKey(node, key["key"]!.GetValue<string>(), "import", events);
        var listed = await Cli.Run(node, "keys", "list");
        var revoked = await Cli.Run(node, "keys", "revoke", key["id"]!.GetValue<string>());
        var refused = await Cli.RunWithKey(node, key["key"]!.GetValue<string>(), "import", events, "--restart");
        var replayed = await Cli.Run(node, "replay", "--unit", "26737", "--from", "2026-10-14", "--to", "2026-10-14");

        sent.ExitCode.Should().Be(0, sent.Err);
        sent.Out.Should().Contain("tan-dinh.ndjson");
        listed.Out.Should().Contain(key["id"]!.GetValue<string>()).And.Contain("CLI test, Phường Tân Định").And.NotContain(key["key"]!.GetValue<string>());
        revoked.ExitCode.Should().Be(0, revoked.Err);
        refused.ExitCode.Should().Be(2);
        refused.Err.Should().Contain("refused the key");
        replayed.ExitCode.Should().Be(0, replayed.Err);
        replayed.Out.Should().Contain("26737").And.Contain("1 units");
    }

    [Fact]
    public async Task Users_added_with_the_cli_sign_in_until_disabled()
    {
        var node = fixture.Node.BaseAddress;

        var added = await Cli.Run(node, "users", "add", "tran.thi.binh", "--name", "Trần Thị Bình", "--role", "departmentHead", "--unit", "26737");
        var signedIn = await PersonSession.SignInAsync(fixture.Node, "tran.thi.binh", UserPassword);
        var me = await signedIn.Client.GetFromJsonAsync<JsonElement>(PersonSession.Me);
        var disabled = await Cli.Run(node, "users", "disable", "tran.thi.binh");
        var listed = await Cli.Run(node, "users", "list", "--json");
        var refused = await signedIn.Client.GetAsync(PersonSession.Me);
        var unknown = await Cli.Run(node, "users", "disable", "nobody.here");
        var headWithoutUnit = await Cli.Run(node, "users", "add", "le.van.c", "--name", "Lê Văn C", "--role", "departmentHead");

        added.ExitCode.Should().Be(0, added.Err);
        added.Out.Should().Contain("tran.thi.binh").And.Contain("Trần Thị Bình").And.NotContain(UserPassword);
        me.GetProperty("role").GetString().Should().Be("departmentHead");
        me.GetProperty("unitCode").GetString().Should().Be("26737");
        disabled.ExitCode.Should().Be(0, disabled.Err);
        JsonNode.Parse(listed.Out)!.AsArray().Single(u => u!["username"]!.GetValue<string>() == "tran.thi.binh")!["disabled"]!.GetValue<bool>().Should().BeTrue();
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        unknown.ExitCode.Should().Be(2);
        unknown.Err.Should().Contain("has no user 'nobody.here'");
        headWithoutUnit.ExitCode.Should().NotBe(0);
        headWithoutUnit.Err.Should().Contain("give --unit CODE");
        signedIn.Dispose();
    }

    [Fact]
    public async Task Push_keys_prints_the_nodes_VAPID_public_key_and_rotates_it_only_when_confirmed()
    {
        var node = fixture.Node.BaseAddress;
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var printed = await Cli.Run(node, "push", "keys");
        var served = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/push/keys")).GetProperty("publicKey").GetString();
        var unconfirmed = await Cli.Run(node, "push", "keys", "--rotate");
        var rotated = await Cli.Run(node, "push", "keys", "--rotate", "--yes");
        var now = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/push/keys")).GetProperty("publicKey").GetString();

        printed.ExitCode.Should().Be(0, printed.Err);
        printed.Out.Trim().Should().Be(served).And.HaveLength(87, "65 bytes in base64url");
        unconfirmed.ExitCode.Should().Be(2);
        unconfirmed.Err.Should().Contain("add --yes");
        rotated.ExitCode.Should().Be(0, rotated.Err);
        rotated.Out.Trim().Should().Be(now).And.NotBe(served);
        rotated.Err.Should().Contain("subscribe again");
    }

    public void Dispose()
    {
        TempDirectory.DeleteQuietly(_directory);
    }

    /// <summary>The password the CLI reads from GOVPULSE_NEW_PASSWORD in these tests (a test value, not a secret).</summary>
    private const string UserPassword = "kiểm thử dòng lệnh 2026";

    private async Task<string> SimulatedMorning(string name, int seed)
    {
        var path = Path.Combine(_directory, name);
        var run = await Cli.Run(fixture.Node.BaseAddress, "simulate", "--out", path, "--from", From, "--to", To, "--seed", $"{seed}");
        run.ExitCode.Should().Be(0, run.Err);
        return path;
    }

    private static List<long> RejectedLines(string path) =>
        File.ReadAllLines(path).Select(l => JsonNode.Parse(l)!["line"]!.GetValue<long>()).ToList();

    private static async Task<Dictionary<string, string>> AllScorecards(HttpClient client)
    {
        var scorecards = new Dictionary<string, string>();
        foreach (var unit in UnitDirectory.HoChiMinhCity.All)
        {
            scorecards[unit.Code] = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/units/{unit.Code}/indicators?period={Period}")).GetRawText();
        }

        return scorecards;
    }

    /// <summary>The built CLI (<c>ingest/GovPulse.Cli/bin/…/govpulse.dll</c>, same configuration as this project) in its own process.</summary>
    private sealed class Cli
    {
        private readonly Process _process;
        private readonly StringBuilder _out = new();
        private readonly StringBuilder _err = new();
        private readonly List<(Func<string, bool> Matches, int Count, TaskCompletionSource Seen)> _waiters = [];

        private Cli(Process process)
        {
            _process = process;
        }

        public static Cli Start(Uri node, params string[] args) => Start(node, NodeFixture.ApiKey, args);

        public static Cli Start(Uri node, string key, string[] args)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(Assembly());
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["GOVPULSE_URL"] = node.AbsoluteUri;
            start.Environment["GOVPULSE_KEY"] = key;
            start.Environment["GOVPULSE_NEW_PASSWORD"] = UserPassword;
            var cli = new Cli(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
            cli._process.OutputDataReceived += (_, e) => cli.Record(cli._out, e.Data);
            cli._process.ErrorDataReceived += (_, e) => cli.Record(cli._err, e.Data);
            cli._process.BeginOutputReadLine();
            cli._process.BeginErrorReadLine();
            return cli;
        }

        /// <summary>Runs to the end (at most 2 minutes) and returns the exit code and both outputs.</summary>
        public static Task<(int ExitCode, string Out, string Err)> Run(Uri node, params string[] args) => RunWithKey(node, NodeFixture.ApiKey, args);

        public static async Task<(int ExitCode, string Out, string Err)> RunWithKey(Uri node, string key, params string[] args)
        {
            var cli = Start(node, key, args);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await cli._process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                await cli.KillAsync();
                throw new TimeoutException($"govpulse {string.Join(' ', args)} did not finish in 2 minutes:\n{cli.Text(cli._out)}{cli.Text(cli._err)}");
            }

            return (cli._process.ExitCode, cli.Text(cli._out), cli.Text(cli._err));
        }

        /// <summary>Returns once <paramref name="count"/> lines of output match, or throws with the output so far.</summary>
        public async Task WaitForAsync(Func<string, bool> matches, int count, TimeSpan limit)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_waiters)
            {
                _waiters.Add((matches, count, seen));
                Check();
            }

            var exited = _process.WaitForExitAsync();
            var first = await Task.WhenAny(seen.Task, exited).WaitAsync(limit);
            if (first != seen.Task)
            {
                throw new InvalidOperationException($"govpulse exited ({_process.ExitCode}) before the awaited output:\n{Text(_out)}{Text(_err)}");
            }
        }

        public async Task KillAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }

        private void Record(StringBuilder to, string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_waiters)
            {
                to.AppendLine(line);
                Check();
            }
        }

        private void Check()
        {
            var all = (Text(_out) + Text(_err)).Split('\n');
            foreach (var (matches, count, seen) in _waiters)
            {
                if (all.Count(matches) >= count)
                {
                    seen.TrySetResult();
                }
            }
        }

        private string Text(StringBuilder builder)
        {
            lock (_waiters)
            {
                return builder.ToString();
            }
        }

        private static string Assembly()
        {
            var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var root = testDirectory;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "GovPulse.sln")))
            {
                root = root.Parent;
            }

            var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("GovPulse.sln not found above the test directory"),
                "ingest", "GovPulse.Cli", "bin", testDirectory.Parent!.Name, testDirectory.Name, "govpulse.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the govpulse CLI is missing.", path);
        }
    }
}
