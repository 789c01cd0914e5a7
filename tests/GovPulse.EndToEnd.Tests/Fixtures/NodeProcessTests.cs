using System.Net;
using System.Net.Sockets;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>
/// The fixture starts nodes without port races: HTTP on port 0, read back from the banner, and a
/// bounded retry when an Orleans port it chose was taken by someone else in the meantime.
/// </summary>
public sealed class NodeProcessTests : IDisposable
{
    private readonly string _dataDirectory = TempDirectory.NewPath("ports");
    private readonly TcpListener _squatter = new(IPAddress.Loopback, 0);

    public NodeProcessTests() => _squatter.Start();

    private int TakenPort => ((IPEndPoint)_squatter.LocalEndpoint).Port;

    [Fact]
    public async Task A_node_whose_silo_port_was_taken_is_started_again_on_new_ports()
    {
        var calls = 0;

        await using var node = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey, () => ++calls == 1 ? TakenPort : NodeProcess.FreePort());

        node.PortClashes.Should().Be(1);
        node.BaseAddress.Port.Should().NotBe(0, "the address comes from the banner, with the port the system gave");
        using var client = node.CreateClient();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_node_that_finds_its_port_taken_every_time_gives_up_after_three_starts()
    {
        var starts = 0;

        var start = () => NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey, () =>
        {
            starts++;
            return TakenPort;
        });

        (await start.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*port taken on each of 3 starts*Address already in use*");
        starts.Should().Be(NodeProcess.MaxAttempts, "each start chooses one Orleans port, the silo's (the taken one)");
    }

    public void Dispose()
    {
        _squatter.Dispose();
        TempDirectory.DeleteQuietly(_dataDirectory);
    }
}
