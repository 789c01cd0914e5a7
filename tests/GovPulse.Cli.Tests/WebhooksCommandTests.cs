using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Cli.Tests;

/// <summary><c>webhooks add|list|remove</c> against a localhost stand-in answering as the webhooks admin API (issue #14): the requests, and what is printed.</summary>
public sealed class WebhooksCommandTests : IAsyncLifetime
{
    private const string Secret = "whsec_00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    private static readonly string[] Hourly = ["hourly"];

    private StubNode _node = null!;
    private Dictionary<string, string> _environment = null!;

    public async Task InitializeAsync()
    {
        _node = await StubNode.StartAsync(Answer);
        _environment = new() { ["GOVPULSE_URL"] = _node.Url.ToString(), ["GOVPULSE_KEY"] = "admin-key-from-env" };
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Add_sends_the_url_kinds_and_description_and_prints_the_secret_once_with_a_warning()
    {
        var (exit, output, err) = await Cli.RunAsync(
            _environment, "webhooks", "add", "https://bridge.example.gov.vn/govpulse", "--kinds", "alertStarted,alertCleared", "--kinds", "morningList", "--description", "Zalo OA");

        exit.Should().Be(ExitCodes.Ok, err);
        var request = _node.Requests.Single(r => r.Method == "POST");
        request.Path.Should().Be("/api/v1/admin/webhooks");
        request.ApiKey.Should().Be("admin-key-from-env");
        var body = JsonDocument.Parse(request.Body).RootElement;
        body.GetProperty("url").GetString().Should().Be("https://bridge.example.gov.vn/govpulse");
        body.GetProperty("kinds").EnumerateArray().Select(k => k.GetString()).Should().Equal("alertStarted", "alertCleared", "morningList");
        body.GetProperty("description").GetString().Should().Be("Zalo OA");
        output.Should().Contain(Secret).And.Contain("wh_42");
        err.Should().Contain("it is not shown again").And.NotContain(Secret);
    }

    [Fact]
    public async Task Add_without_kinds_sends_none_for_every_kind_and_a_refusal_is_reported_with_the_nodes_reason()
    {
        var (ok, _, _) = await Cli.RunAsync(_environment, "webhooks", "add", "https://bridge.example.gov.vn/all");
        var (refused, _, err) = await Cli.RunAsync(_environment, "webhooks", "add", "http://example.org/plain");

        ok.Should().Be(ExitCodes.Ok);
        JsonDocument.Parse(_node.Requests.First(r => r.Method == "POST").Body).RootElement.GetProperty("kinds").GetArrayLength().Should().Be(0);
        refused.Should().NotBe(ExitCodes.Ok);
        err.Should().Contain("url must be https://");
    }

    [Fact]
    public async Task List_shows_no_secret_and_says_which_are_disabled_and_remove_calls_delete()
    {
        var (listed, output, note) = await Cli.RunAsync(_environment, "webhooks", "list");
        var (removed, said, _) = await Cli.RunAsync(_environment, "webhooks", "remove", "wh_42");
        var (missing, _, err) = await Cli.RunAsync(_environment, "webhooks", "remove", "wh_404");

        listed.Should().Be(ExitCodes.Ok);
        output.Should().Contain("wh_41").And.Contain("disabled").And.Contain("every kind").And.NotContain("whsec_");
        note.Should().Contain("2 webhooks, 1 active");
        removed.Should().Be(ExitCodes.Ok);
        said.Should().Contain("Webhook wh_42 removed");
        _node.Requests.Should().Contain(r => r.Method == "DELETE" && r.Path == "/api/v1/admin/webhooks/wh_42");
        missing.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain("has no webhook 'wh_404' (404)");
    }

    private static async Task Answer(HttpContext http, StubNode.Recorded request)
    {
        if (request.Path == "/health/live")
        {
            await http.Response.WriteAsync("Healthy");
            return;
        }

        switch (request.Method, request.Path)
        {
            case ("POST", "/api/v1/admin/webhooks"):
                var body = JsonDocument.Parse(request.Body).RootElement;
                if (body.GetProperty("url").GetString()!.StartsWith("http:", StringComparison.Ordinal))
                {
                    http.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await http.Response.WriteAsJsonAsync(new { title = "The webhook request is not valid", status = 400, detail = "url must be https://: messages carry the city's figures" });
                    return;
                }

                http.Response.StatusCode = StatusCodes.Status201Created;
                await http.Response.WriteAsJsonAsync(new
                {
                    id = "wh_42",
                    url = body.GetProperty("url").GetString(),
                    kinds = body.GetProperty("kinds"),
                    description = "Zalo OA",
                    createdAt = "2026-12-06T10:00:00+07:00",
                    secret = Secret,
                });
                break;
            case ("GET", "/api/v1/admin/webhooks"):
                await http.Response.WriteAsJsonAsync(new object[]
                {
                    new { id = "wh_41", url = "https://old.example.org/…", kinds = Array.Empty<string>(), description = "old", createdAt = "2026-11-01T09:00:00+07:00", disabledReason = "the receiver answered 410 Gone" },
                    new { id = "wh_42", url = "https://bridge.example.gov.vn/…", kinds = Hourly, description = "Zalo OA", createdAt = "2026-12-06T10:00:00+07:00", disabledReason = (string?)null },
                });
                break;
            case ("DELETE", "/api/v1/admin/webhooks/wh_42"):
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }
}
