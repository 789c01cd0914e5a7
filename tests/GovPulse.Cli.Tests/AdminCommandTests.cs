using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Cli.Tests;

/// <summary>
/// <c>replay</c> and <c>keys</c> against a localhost stand-in that answers as the admin API is
/// specified (issue #5): the requests the CLI makes, and what it prints.
/// </summary>
public sealed class AdminCommandTests : IAsyncLifetime
{
    private static readonly object[] Units =
    [
        new { code = "79", name = "Thành phố Hồ Chí Minh", kind = "city", parentCode = (string?)null },
        new { code = "26737", name = "Phường Tân Định", kind = "commune", parentCode = "79" },
        new { code = "26740", name = "Phường Đa Kao", kind = "commune", parentCode = "79" },
        new { code = "so-y-te", name = "Sở Y tế", kind = "department", parentCode = "79" },
    ];

    private static readonly string[] TanDinh = ["26737"];

    private StubNode _node = null!;
    private Dictionary<string, string> _environment = null!;

    public async Task InitializeAsync()
    {
        _node = await StubNode.StartAsync(Answer);
        _environment = new() { ["GOVPULSE_URL"] = _node.Url.ToString(), ["GOVPULSE_KEY"] = "admin-key-from-env" };
    }

    [Fact]
    public async Task Replay_without_units_replays_every_commune_and_department_once_with_the_range_in_Vietnam_time()
    {
        var (exit, output, err) = await Cli.RunAsync(_environment, "replay", "--from", "2026-01-01", "--to", "2026-10-31");

        exit.Should().Be(ExitCodes.Ok, err);
        var replays = _node.Requests.Where(r => r.Path == "/api/v1/admin/replay").ToList();
        replays.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("unitCode").GetString()).Should().BeEquivalentTo("26737", "26740", "so-y-te");
        JsonDocument.Parse(replays[0].Body).RootElement.EnumerateObject().Select(p => (p.Name, p.Value.ToString()))
            .Should().Contain([("from", "2026-01-01T00:00:00+07:00"), ("to", "2026-11-01T00:00:00+07:00"), ("rebuild", "False")]);
        replays.Should().OnlyContain(r => r.ApiKey == "admin-key-from-env");
        output.Should().Contain("Phường Tân Định").And.Contain("3 units");
        err.Should().Contain("[3/3]");
    }

    [Fact]
    public async Task Replay_rebuild_needs_no_range_and_sends_none()
    {
        var (exit, _, err) = await Cli.RunAsync(_environment, "replay", "--rebuild", "--unit", "26737");
        var (withoutRange, _, said) = await Cli.RunAsync(_environment, "replay", "--unit", "26737");

        exit.Should().Be(ExitCodes.Ok, err);
        JsonDocument.Parse(_node.Requests.Single(r => r.Path == "/api/v1/admin/replay").Body).RootElement.EnumerateObject().Select(p => p.Name)
            .Should().BeEquivalentTo("unitCode", "rebuild");
        withoutRange.Should().Be(ExitCodes.UsageOrConnection);
        said.Should().Contain("--from and --to are needed").And.Contain("--rebuild");
    }

    [Fact]
    public async Task Replay_of_named_units_sends_only_those_and_an_unknown_code_is_a_usage_error()
    {
        (await Cli.RunAsync(_environment, "replay", "--from", "2026-11-01", "--to", "2026-11-30", "--unit", "26740", "--unit", "79")).ExitCode.Should().Be(ExitCodes.Ok);
        var (exit, _, err) = await Cli.RunAsync(_environment, "replay", "--from", "2026-11-01", "--to", "2026-11-30", "--unit", "99999");

        _node.Requests.Where(r => r.Path == "/api/v1/admin/replay").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("unitCode").GetString())
            .Should().BeEquivalentTo("79", "26740");
        exit.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain("--unit 99999: not a unit of");
    }

    [Fact]
    public async Task Keys_create_sends_name_units_and_rate_and_shows_the_key_once_with_a_warning()
    {
        var (exit, output, err) = await Cli.RunAsync(_environment, "keys", "create", "--name", "Tân Định one-stop", "--unit", "26737", "--unit", "26740", "--rate-per-minute", "120");

        exit.Should().Be(ExitCodes.Ok, err);
        var body = JsonDocument.Parse(_node.Requests.Single(r => r.Method == "POST").Body).RootElement;
        body.GetProperty("name").GetString().Should().Be("Tân Định one-stop");
        body.GetProperty("units").EnumerateArray().Select(u => u.GetString()).Should().Equal("26737", "26740");
        body.GetProperty("ratePerMinute").GetInt32().Should().Be(120);
        output.Should().Contain("gp_new_secret").And.Contain("k-42");
        err.Should().Contain("store this key now").And.NotContain("admin-key-from-env");
        output.Should().NotContain("admin-key-from-env");
    }

    [Fact]
    public async Task Keys_create_without_units_must_say_all_units()
    {
        var (exit, _, err) = await Cli.RunAsync(_environment, "keys", "create", "--name", "everything");

        exit.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain("say which units the key is for: --unit CODE (repeat for more), or --all-units");
        _node.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Keys_list_shows_revoked_keys_and_revoke_calls_delete()
    {
        var (listed, output, _) = await Cli.RunAsync(_environment, "keys", "list");
        var (revoked, said, _) = await Cli.RunAsync(_environment, "keys", "revoke", "k-42");
        var (missing, _, err) = await Cli.RunAsync(_environment, "keys", "revoke", "k-404");

        listed.Should().Be(ExitCodes.Ok);
        output.Should().Contain("k-41").And.Contain("2026-11-02T09:00:00+07:00");
        revoked.Should().Be(ExitCodes.Ok);
        said.Should().Contain("Key k-42 revoked");
        _node.Requests.Should().Contain(r => r.Method == "DELETE" && r.Path == "/api/v1/admin/keys/k-42");
        missing.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain("has no key 'k-404' (404): list the keys and their ids with `govpulse keys list`");
    }

    [Fact]
    public async Task An_ingest_key_is_told_that_the_admin_key_is_needed()
    {
        _environment["GOVPULSE_KEY"] = "ingest-only";

        var (exit, _, err) = await Cli.RunAsync(_environment, "keys", "list");

        exit.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain("the key may not list keys (HTTP 403").And.Contain("use an admin key");
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private static async Task Answer(HttpContext http, StubNode.Recorded request)
    {
        if (request.Path == "/health/live")
        {
            await http.Response.WriteAsync("Healthy");
            return;
        }

        if (request.ApiKey != "admin-key-from-env" && request.Path.StartsWith("/api/v1/admin", StringComparison.Ordinal))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        switch (request.Method, request.Path)
        {
            case ("GET", "/api/v1/units"):
                await http.Response.WriteAsJsonAsync(Units);
                break;
            case ("POST", "/api/v1/admin/replay"):
                var unit = JsonDocument.Parse(request.Body).RootElement.GetProperty("unitCode").GetString();
                await http.Response.WriteAsJsonAsync(new { unitCode = unit, events = 1234, changed = unit == "26737" ? 3 : 0, rebuilt = true });
                break;
            case ("POST", "/api/v1/admin/keys"):
                var body = JsonDocument.Parse(request.Body).RootElement;
                http.Response.StatusCode = StatusCodes.Status201Created;
                await http.Response.WriteAsJsonAsync(new
                {
                    id = "k-42",
                    name = body.GetProperty("name").GetString(),
                    units = body.GetProperty("units"),
                    ratePerMinute = 120,
                    createdAt = "2026-11-23T10:00:00+07:00",
                    key = "gp_new_secret",
                });
                break;
            case ("GET", "/api/v1/admin/keys"):
                await http.Response.WriteAsJsonAsync(new object[]
                {
                    new { id = "k-41", name = "old", units = TanDinh, ratePerMinute = 60, createdAt = "2026-11-01T09:00:00+07:00", revokedAt = "2026-11-02T09:00:00+07:00" },
                    new { id = "k-42", name = "Tân Định one-stop", units = TanDinh, ratePerMinute = 120, createdAt = "2026-11-23T10:00:00+07:00", revokedAt = (string?)null },
                });
                break;
            case ("DELETE", "/api/v1/admin/keys/k-42"):
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }
}
