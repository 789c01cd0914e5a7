using ClickHouse.Driver;
using ClickHouse.Driver.ADO;
using GovPulse.Storage.ChDb;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The node's ClickHouse: a server when <c>GovPulse:ClickHouse:ConnectionString</c> is set,
/// otherwise the embedded engine (chDB) behind a loopback endpoint that speaks ClickHouse's HTTP
/// interface. Either way the product talks to it only through ClickHouse.Driver, so one code
/// path serves both modes. Started once, on first use; the schema is migrated before anyone
/// gets the client.
/// </summary>
public sealed partial class ClickHouseDatabase : IAsyncDisposable
{
    private readonly ClickHouseOptions _options;
    private readonly StorageOptions _storage;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<ClickHouseDatabase> _logger;
    private readonly Lazy<Task<ClickHouseClient>> _client;
    private readonly Lazy<Task<ClickHouseClient>> _byteStringClient;
    private string? _connectionString;
    private ClickHouseHttpEndpoint? _endpoint;
    private ChDbEngine? _engine;

    public ClickHouseDatabase(IOptions<ClickHouseOptions> options, IOptions<StorageOptions> storage, ILoggerFactory loggerFactory)
    {
        _options = options.Value;
        _storage = storage.Value;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ClickHouseDatabase>();
        _client = new Lazy<Task<ClickHouseClient>>(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
        _byteStringClient = new Lazy<Task<ClickHouseClient>>(StartByteStringClientAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name => _options.Database;

    public bool IsEmbedded => string.IsNullOrWhiteSpace(_options.ConnectionString);

    /// <summary>True once the database answered and its schema is current.</summary>
    public bool IsReady => _client.IsValueCreated && _client.Value.IsCompletedSuccessfully;

    /// <summary>
    /// False while this node is the only writer to its embedded engine; true with a server, and once
    /// anyone else (another node, a tool) has written through the embedded engine's endpoint.
    /// </summary>
    public bool OthersMayWrite => _endpoint?.OthersHaveWritten ?? !IsEmbedded;

    /// <summary>The embedded engine's endpoint, for tools that want to query it; null with a server.</summary>
    public Uri? EmbeddedEndpoint => _endpoint?.BaseAddress;

    public Task<ClickHouseClient> GetClientAsync() => _client.Value;


    /// <summary>
    /// A client that reads every <c>String</c> column as its bytes (<c>byte[]</c>), for columns that hold
    /// binary values: no UTF-16 copy of megabytes that are not text.
    /// </summary>
    public Task<ClickHouseClient> GetByteStringClientAsync() => _byteStringClient.Value;

    /// <summary>
    /// What every store's <c>InsertBinaryAsync</c> passes: the table's column types are asked once per
    /// client, not before every insert, and (embedded) the body goes uncompressed over loopback.
    /// Migrations finish before anyone gets the client, so a cached schema is the current one.
    /// </summary>
    public InsertOptions InsertOptions => IsEmbedded ? EmbeddedInserts : ServerInserts;

    private static InsertOptions EmbeddedInserts { get; } = new() { UseSchemaCache = true, Compressor = IdentityContentEncoding.Instance };

    private static InsertOptions ServerInserts { get; } = new() { UseSchemaCache = true };

    private async Task<ClickHouseClient> StartAsync()
    {
        string connectionString;
        if (IsEmbedded)
        {
            var directory = Path.Combine(PrivateDirectory.Create(_storage.DataDirectory, _logger), "clickhouse");
            Directory.CreateDirectory(directory);
            var engine = _engine = await Task.Run(() => ChDbEngine.Open(directory, new ChDbEngineOptions { MemoryRatio = _options.EmbeddedMemoryRatio }));
            _endpoint = await ClickHouseHttpEndpoint.StartAsync(
                engine,
                new ClickHouseHttpEndpointOptions { SharedPassword = _options.EmbeddedPassword },
                _loggerFactory);
            // Same process, loopback: compressing every insert (the driver's default) only to
            // decompress it again costs CPU and saves nothing.
            connectionString = _endpoint.ConnectionStringFor(_options.Database) + ";Compression=false";
            LogEmbedded(directory, _endpoint.BaseAddress);
        }
        else
        {
            connectionString = _options.ConnectionString!;
            LogServer(_options.Database);
        }

        _connectionString = connectionString;
        var settings = new ClickHouseClientSettings(connectionString) { Database = _options.Database };
        var client = new ClickHouseClient(settings);
        await new SchemaMigrator(client, _options.Database, _logger).MigrateAsync();
        return client;
    }

    private async Task<ClickHouseClient> StartByteStringClientAsync()
    {
        await _client.Value; // started and migrated
        return new ClickHouseClient(new ClickHouseClientSettings(_connectionString!) { Database = _options.Database, ReadStringsAsByteArrays = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsValueCreated && _client.Value.IsCompletedSuccessfully)
        {
            (await _client.Value).Dispose();
        }

        if (_byteStringClient.IsValueCreated && _byteStringClient.Value.IsCompletedSuccessfully)
        {
            (await _byteStringClient.Value).Dispose();
        }

        if (_endpoint is not null)
        {
            await _endpoint.DisposeAsync();
        }

        // Stop the engine (when this was its last user) before the process exits; see ChDbEngine.
        _engine?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded ClickHouse (chDB) on {Directory}, served at {Endpoint}")]
    private partial void LogEmbedded(string directory, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Using the ClickHouse server from GovPulse:ClickHouse:ConnectionString, database {Database}")]
    private partial void LogServer(string database);
}
