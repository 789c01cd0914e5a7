namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>
/// One node in the Development environment, as the quick start runs it (<c>dotnet run</c> picks
/// Development from launchSettings.json): where ASP.NET Core would show its developer exception page.
/// Its bootstrap key is distinctive, so a test can search answers for it.
/// </summary>
public sealed class DevelopmentNodeFixture : IAsyncLifetime
{
    public const string ApiKey = "e2e-dev-key-9Qv3xTz7Lk";

    /// <summary>The largest body this node takes (small, so a test can exceed it cheaply).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public string DataDirectory { get; } = TempDirectory.NewPath("e2e-dev");

    public NodeProcess Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await StartAsync(DataDirectory);

    /// <summary>Starts a Development node on <paramref name="dataDirectory"/> (for a test that needs a node of its own).</summary>
    public static Task<NodeProcess> StartAsync(string dataDirectory) =>
        NodeProcess.StartAsync(dataDirectory, ApiKey, "--environment=Development", $"--GovPulse:Ingest:MaxBodyBytes={MaxBodyBytes}",
            $"--GovPulse:ClickHouse:EmbeddedPassword={NodeFixture.SharedEnginePassword}");

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        TempDirectory.DeleteQuietly(DataDirectory);
    }
}
