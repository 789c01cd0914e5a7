using System.Net;
using System.Net.Sockets;
using GovPulse.Cli.Node;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Cli.Tests;

/// <summary>Back-pressure, network failures and refusals, against a node on localhost; waits are recorded, not slept.</summary>
public sealed class NodeClientTests
{
    private readonly List<TimeSpan> _waits = [];
    private readonly List<string> _told = [];

    [Fact]
    public async Task A_busy_node_is_asked_again_after_its_Retry_After()
    {
        var calls = 0;
        await using var node = await StubNode.StartAsync(async (http, _) =>
        {
            if (++calls <= 2)
            {
                http.Response.StatusCode = calls == 1 ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = calls == 1 ? "7" : "2";
                return;
            }

            await http.Response.WriteAsJsonAsync(new { accepted = 1, duplicates = 0, rejected = Array.Empty<object>() });
        });
        using var client = Client(node.Url);

        var outcome = await client.PostEventsAsync("{}\n"u8.ToArray(), CancellationToken.None);

        outcome.Answer!.Accepted.Should().Be(1);
        _waits.Should().Equal(TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(2));
        _told.Should().HaveCount(2).And.OnlyContain(t => t.Contains("is busy (HTTP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_node_that_stays_busy_is_given_up_on_after_the_bounded_retries_with_a_hint()
    {
        await using var node = await StubNode.StartAsync((http, _) =>
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "600";
            return Task.CompletedTask;
        });
        using var client = Client(node.Url);

        var act = () => client.PostEventsAsync("{}\n"u8.ToArray(), CancellationToken.None);

        (await act.Should().ThrowAsync<CliException>()).WithMessage("*is still busy after 4 tries to send events (HTTP 503*send smaller batches (--batch-size)");
        node.Requests.Should().HaveCount(4);
        _waits.Should().HaveCount(3).And.OnlyContain(w => w == TimeSpan.FromSeconds(60), "a long Retry-After is capped");
    }

    [Fact]
    public async Task A_node_that_cannot_be_reached_is_retried_with_growing_waits_then_reported_with_how_to_start_one()
    {
        var url = new Uri($"http://127.0.0.1:{ClosedPort()}/");
        using var client = Client(url);

        var act = () => client.GetUnitsAsync(CancellationToken.None);

        (await act.Should().ThrowAsync<CliException>())
            .WithMessage($"cannot reach {url} to list units (*, 4 tries): is the node running? Start one with `dotnet run --project silo/GovPulse.Silo`*")
            .Which.ExitCode.Should().Be(ExitCodes.UsageOrConnection);
        _waits.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_refused_key_is_explained_without_showing_the_key()
    {
        await using var node = await StubNode.StartAsync((http, _) =>
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        });
        using var withKey = new NodeClient(node.Url, "gp_secret_value", RetryPolicy.Default);
        using var withoutKey = new NodeClient(node.Url, null, RetryPolicy.Default);

        var wrong = await FluentActions.Awaiting(() => withKey.GetUnitsAsync(CancellationToken.None)).Should().ThrowAsync<CliException>();
        var none = await FluentActions.Awaiting(() => withoutKey.GetUnitsAsync(CancellationToken.None)).Should().ThrowAsync<CliException>();

        wrong.Which.Message.Should().Contain("refused the key").And.Contain("GOVPULSE_KEY").And.NotContain("gp_secret_value");
        none.Which.Message.Should().Contain("needs a key").And.Contain("--key KEY or set GOVPULSE_KEY");
        node.Requests.First().ApiKey.Should().Be("gp_secret_value");
    }

    [Fact]
    public async Task Creating_a_key_is_not_sent_twice_after_a_server_error_but_reading_is_retried()
    {
        await using var node = await StubNode.StartAsync((http, _) =>
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        });
        using var client = Client(node.Url);

        await FluentActions.Awaiting(() => client.CreateKeyAsync(new KeyRequest("x", ["26737"], null), CancellationToken.None)).Should().ThrowAsync<CliException>();
        var creates = node.Requests.Count;
        await FluentActions.Awaiting(() => client.ListKeysAsync(CancellationToken.None)).Should().ThrowAsync<CliException>();

        creates.Should().Be(1);
        node.Requests.Should().HaveCount(1 + 4);
    }

    [Fact]
    public async Task A_413_comes_back_as_too_large_with_the_nodes_explanation()
    {
        await using var node = await StubNode.StartAsync(async (http, _) =>
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await http.Response.WriteAsJsonAsync(new { title = "Batch too large", detail = "The body is larger than 32 MiB" });
        });
        using var client = Client(node.Url);

        var outcome = await client.PostEventsAsync("{}\n"u8.ToArray(), CancellationToken.None);

        outcome.Answer.Should().BeNull();
        outcome.TooLarge.Should().Be("The body is larger than 32 MiB");
    }

    [Theory]
    [InlineData("127.0.0.1:5080")]
    [InlineData("ftp://127.0.0.1/")]
    public void A_url_that_is_not_http_is_refused_with_an_example(string url) =>
        FluentActions.Invoking(() => NodeClient.ParseUrl(url)).Should().Throw<CliException>().WithMessage("*e.g. --url http://127.0.0.1:5080");

    private NodeClient Client(Uri url) => new(url, "k", RetryPolicy.Default with
    {
        BusyRetries = 3,
        NetworkRetries = 3,
        Delay = (wait, _) =>
        {
            _waits.Add(wait);
            return Task.CompletedTask;
        },
    }, _told.Add);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
