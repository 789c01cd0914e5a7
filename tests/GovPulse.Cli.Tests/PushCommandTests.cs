using Microsoft.AspNetCore.Http;

namespace GovPulse.Cli.Tests;

/// <summary><c>govpulse push keys [--rotate]</c> against a localhost stand-in that answers as the admin API is specified (issue #14).</summary>
public sealed class PushCommandTests : IAsyncLifetime
{
    private const string Before = "BPublicKeyBeforeRotation";
    private const string After = "BPublicKeyAfterRotation";

    private StubNode _node = null!;
    private Dictionary<string, string> _environment = null!;
    private string _current = Before;

    public async Task InitializeAsync()
    {
        _node = await StubNode.StartAsync(Answer);
        _environment = new() { ["GOVPULSE_URL"] = _node.Url.ToString(), ["GOVPULSE_KEY"] = "admin-key-from-env" };
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Keys_prints_the_public_key_alone_on_standard_output()
    {
        var (exit, output, err) = await Cli.RunAsync(_environment, "push", "keys");

        exit.Should().Be(ExitCodes.Ok, err);
        output.Trim().Should().Be(Before);
        err.Should().Contain("file");
        _node.Requests.Should().Contain(r => r.Method == "GET" && r.Path == "/api/v1/admin/push/keys" && r.ApiKey == "admin-key-from-env");
    }

    [Fact]
    public async Task Rotate_asks_for_yes_without_a_terminal_and_with_it_rotates_and_warns()
    {
        var (refused, _, why) = await Cli.RunAsync(_environment, "push", "keys", "--rotate");
        _node.Requests.Should().NotContain(r => r.Method == "POST");

        var (exit, output, err) = await Cli.RunAsync(_environment, "push", "keys", "--rotate", "--yes");

        refused.Should().Be(ExitCodes.UsageOrConnection);
        why.Should().Contain("add --yes");
        exit.Should().Be(ExitCodes.Ok, err);
        output.Trim().Should().Be(After);
        err.Should().Contain("subscribe again");
        _node.Requests.Should().ContainSingle(r => r.Method == "POST" && r.Path == "/api/v1/admin/push/keys/rotate");
    }

    [Fact]
    public async Task Keys_configured_on_the_node_cannot_be_rotated_and_the_node_says_why()
    {
        _current = "configured";

        var (exit, _, err) = await Cli.RunAsync(_environment, "push", "keys", "--rotate", "--yes");

        exit.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain("409").And.Contain("come from configuration");
    }

    private async Task Answer(HttpContext http, StubNode.Recorded request)
    {
        if (request.Path == "/health/live")
        {
            await http.Response.WriteAsync("Healthy");
            return;
        }

        switch (request.Method, request.Path)
        {
            case ("GET", "/api/v1/admin/push/keys"):
                await http.Response.WriteAsJsonAsync(new { publicKey = _current, createdAt = "2026-12-06T09:00:00+07:00", source = "file" });
                break;
            case ("POST", "/api/v1/admin/push/keys/rotate") when _current == "configured":
                http.Response.StatusCode = StatusCodes.Status409Conflict;
                await http.Response.WriteAsJsonAsync(new { title = "The VAPID keys cannot be rotated here", status = 409, detail = "The VAPID keys come from configuration (GovPulse:Push:VapidPublicKey and VapidPrivateKey): change them there, on every node" });
                break;
            case ("POST", "/api/v1/admin/push/keys/rotate"):
                _current = After;
                await http.Response.WriteAsJsonAsync(new { publicKey = After, createdAt = "2026-12-06T10:00:00+07:00", source = "file" });
                break;
            default:
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }
}
