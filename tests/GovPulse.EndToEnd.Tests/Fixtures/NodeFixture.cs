namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>One running node shared by a test class, on a fresh data directory.</summary>
public sealed class NodeFixture : IAsyncLifetime
{
    public const string ApiKey = "e2e-test-key-not-a-secret";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "govpulse-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    public NodeProcess Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await NodeProcess.StartAsync(DataDirectory, ApiKey);

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort: the temp directory is cleaned by the OS eventually
        }
    }
}
