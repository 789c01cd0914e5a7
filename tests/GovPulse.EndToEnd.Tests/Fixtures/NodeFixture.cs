namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>One running node shared by a test class, on a fresh data directory.</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public const string ApiKey = "e2e-test-key-not-a-secret";

    /// <summary>The embedded-engine password a test gives the node whose engine another node shares (GovPulse:ClickHouse:EmbeddedPassword).</summary>
    public const string SharedEnginePassword = "e2e-shared-engine-not-a-secret";

    public string DataDirectory { get; } = TempDirectory.NewPath("e2e");

    public NodeProcess Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await NodeProcess.StartAsync(DataDirectory, ApiKey);

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        TempDirectory.DeleteQuietly(DataDirectory);
    }
}
