using ClickHouse.Driver;
using GovPulse.Storage.ChDb;

namespace GovPulse.Storage.Tests.Fixtures;

/// <summary>
/// The test process's embedded ClickHouse: one engine on a temporary directory (chDB binds one
/// directory per process) and one HTTP endpoint over it. Tests isolate themselves by database.
/// </summary>
public sealed class EmbeddedClickHouseFixture : IAsyncLifetime
{
    /// <summary>The password the fixture's endpoint shares with clients other than the node's own (user <c>default</c>).</summary>
    public const string SharedPassword = "storage-tests-shared-secret";

    private int _databases;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "govpulse-storage-tests-" + Guid.NewGuid().ToString("N"));

    public ChDbEngine Engine { get; private set; } = null!;

    public ClickHouseHttpEndpoint Endpoint { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Engine = await Task.Run(() => ChDbEngine.Open(DataDirectory));
        Endpoint = await ClickHouseHttpEndpoint.StartAsync(Engine, new ClickHouseHttpEndpointOptions { SharedPassword = SharedPassword });
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

    /// <summary>An HTTP client (curl, as it were) on <paramref name="endpoint"/> (the fixture's by default), signed in with the shared password.</summary>
    public HttpClient CreateHttpClient(ClickHouseHttpEndpoint? endpoint = null)
    {
        var http = new HttpClient { BaseAddress = (endpoint ?? Endpoint).BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("default:" + SharedPassword)));
        return http;
    }

    /// <summary>A ClickHouse.Driver connection string for another client (user <c>default</c>, the shared password).</summary>
    public static string SharedConnectionString(ClickHouseHttpEndpoint endpoint, string database) =>
        $"Host={endpoint.BaseAddress.Host};Port={endpoint.Port};Protocol=http;Database={database};Username=default;Password={SharedPassword}";

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
