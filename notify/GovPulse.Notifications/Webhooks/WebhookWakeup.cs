using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Notifications.Webhooks;

/// <summary>
/// Every <see cref="WebhookOptions.WakeInterval"/>, wakes each active webhook's delivery grain: an
/// outbox whose grain died with its node (or whose wake-up was lost) is drained by a new activation
/// within one interval. Waking a grain with nothing to send costs one read.
/// </summary>
public sealed partial class WebhookWakeup(
    WebhookStore webhooks, IGrainFactory grains, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookWakeup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.WakeInterval, time);
        do
        {
            try
            {
                foreach (var webhook in await webhooks.ListAsync(stoppingToken))
                {
                    if (webhook.IsActive)
                    {
                        await grains.GetGrain<IWebhookDeliveryGrain>(webhook.Id).WakeAsync();
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogWakeFailed(ex.GetType().Name); // the node is starting or stopping, or ClickHouse is away: next round
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook wake-up round failed ({Error}); trying at the next one")]
    private partial void LogWakeFailed(string error);
}
