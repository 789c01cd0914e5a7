using GovPulse.Grains;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovPulse.Dashboard.Hubs;

/// <summary>
/// Keeps this node's observer subscribed to the live feed: subscribes at start, renews every few
/// seconds (so a feed grain that moved after a node died learns of it again), unsubscribes at stop.
/// </summary>
public sealed partial class LiveFeedSubscription(
    IGrainFactory grains,
    HubLiveFeedObserver observer,
    TimeProvider time,
    ILogger<LiveFeedSubscription> logger) : BackgroundService
{
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ILiveFeedObserver? _reference;

    /// <summary>Completes once the feed knows this node (readiness for live updates).</summary>
    public Task Subscribed => _subscribed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reference = grains.CreateObjectReference<ILiveFeedObserver>(observer);
        var feed = grains.GetGrain<ILiveFeedGrain>(LiveFeed.Key);
        using var renew = new PeriodicTimer(LiveFeed.RenewEvery, time);
        do
        {
            try
            {
                await feed.Subscribe(_reference);
                _subscribed.TrySetResult();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The cluster may be starting or a node changing; the next renewal retries.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRenewFailed(ex);
            }
        }
        while (await renew.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_reference is not null)
        {
            try
            {
                await grains.GetGrain<ILiveFeedGrain>(LiveFeed.Key).Unsubscribe(_reference).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            }
#pragma warning disable CA1031 // Best effort: an unrenewed observer expires anyway.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            grains.DeleteObjectReference<ILiveFeedObserver>(_reference);
        }

        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe this node to the live feed; retrying")]
    private partial void LogRenewFailed(Exception exception);
}
