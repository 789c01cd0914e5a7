using Microsoft.Extensions.Hosting;

namespace GovPulse.Storage.ClickHouse;

/// <summary>Starts ClickHouse and migrates the schema while the node starts, so a bad setting fails the start, not the first request.</summary>
public sealed class ClickHouseStartup(ClickHouseDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.GetClientAsync().WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
