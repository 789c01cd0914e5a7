using ClickHouse.Driver;
using GovPulse.Storage.ChDb;

namespace GovPulse.Storage.Tests.Fixtures;

/// <summary>
/// The test process's embedded ClickHouse: one engine on a temporary directory (chDB binds one
/// directory per process) and one HTTP endpoint over it. Tests isolate themselves by database.
/// </summary>
public sealed class EmbeddedClickHouseFixture : IAsyncLifetime
{
    private int _databases;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "govpulse-storage-tests-" + Guid.NewGuid().ToString("N"));

    public ChDbEngine Engine { get; private set; } = null!;

    public ClickHouseHttpEndpoint Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Engine = await Task.Run(() => ChDbEngine.Open(DataDirectory));
        Endpoint = await ClickHouseHttpEndpoint.StartAsync(Engine);
    }

    /// <summary>Creates a database no other test uses and returns its name.</summary>
    public string CreateDatabase(string purpose)
    {
        var name = $"{purpose}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid().ToString("N")[..8]}";
        Engine.Query($"CREATE DATABASE `{name}`");
        return name;
    }

    /// <summary>A ClickHouse.Driver client for <paramref name="database"/> on the endpoint.</summary>
    public ClickHouseClient CreateClient(string database, string? extraSettings = null) =>
        new(Endpoint.ConnectionStringFor(database) + (extraSettings is null ? string.Empty : ";" + extraSettings));

    public async Task DisposeAsync()
    {
        if (Endpoint is not null)
        {
            await Endpoint.DisposeAsync();
        }

        Engine?.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the engine may still be closing files.
        }
    }
}
