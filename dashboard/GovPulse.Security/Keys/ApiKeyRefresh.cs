using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Security.Keys;

/// <summary>
/// Keeps <see cref="ApiKeys"/> in step with ClickHouse <c>api_keys</c>: loads the keys at start,
/// then every <see cref="ApiKeyOptions.KeyRefreshInterval"/>, and at once after this node creates
/// or revokes one. So a key revoked on any node stops working on every node within that interval.
/// </summary>
public sealed partial class ApiKeyRefresh(
    IApiKeyStore store, ApiKeys keys, IOptions<ApiKeyOptions> options, TimeProvider time, ILogger<ApiKeyRefresh> logger) : BackgroundService
{
    // One load at a time, so a periodic load that read the table before a change cannot replace
    // the keys after the load that follows the change.
    private readonly SemaphoreSlim _loading = new(1, 1);

    /// <summary>Reloads the keys now (after a create or revoke on this node). Throws when ClickHouse cannot be read.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            keys.Replace(await store.ListAsync(cancellationToken));
        }
        finally
        {
            _loading.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.KeyRefreshInterval, time);
        try
        {
            do
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The exception comes from reading the table (hashes, never keys); the last keys stay in use.
                    LogRefreshFailed(ex);
                    keys.FirstLoadFailed();
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    public override void Dispose()
    {
        _loading.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reload the API keys from ClickHouse; the keys loaded before stay in use")]
    private partial void LogRefreshFailed(Exception exception);
}
