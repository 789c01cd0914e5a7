using GovPulse.Storage.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Notifications.Webhooks;

/// <summary>
/// Drains one webhook's outbox in order: POSTs the oldest message; on 2xx marks it delivered and goes
/// on; on a failure waits as <see cref="RetrySchedule"/> says (a one-shot grain timer that keeps the
/// grain alive) and tries the same message again, so the receiver sees them in order; once retries are
/// exhausted the message becomes a dead letter and the next one is tried. A 410 Gone disables the
/// webhook and turns its outbox into dead letters. All its state is in ClickHouse: after a crash the
/// next activation (woken by an enqueue or by <see cref="WebhookWakeup"/>) carries on.
/// </summary>
public sealed partial class WebhookDeliveryGrain(
    WebhookStore webhooks,
    WebhookDeliveryStore deliveries,
    WebhookPoster poster,
    WebhookSecrets secrets,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDeliveryGrain> logger) : Grain, IWebhookDeliveryGrain
{
    private const int Batch = 100;

    private readonly RetrySchedule _retries = options.Value.Retries;
    private IGrainTimer? _timer;
    private bool _draining;
    private bool _wokenWhileDraining;

    private string Id => this.GetPrimaryKeyString();

    public Task WakeAsync()
    {
        if (_draining)
        {
            _wokenWhileDraining = true;
        }
        else if (_timer is null)
        {
            Schedule(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    public async Task<bool> ReplayAsync(string noticeId)
    {
        var delivery = await deliveries.FindAsync(WebhookDelivery.IdOf(Id, noticeId));
        if (delivery is not { Status: WebhookDeliveryStatus.Dead })
        {
            return false;
        }

        var now = time.GetUtcNow();
        await deliveries.SaveAsync([delivery.Next(WebhookDeliveryStatus.Pending, 0, string.Empty, now) with { DueFrom = now }]);
        await WakeAsync();
        return true;
    }

    private void Schedule(TimeSpan due)
    {
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(DrainAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        // Disposing a timer cancels its running callback, so the one that fired is disposed only when done.
        var fired = _timer;
        _timer = null;
        _draining = true;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                _wokenWhileDraining = false;
                var webhook = await webhooks.FindAsync(Id, cancellationToken);
                if (webhook is null || !webhook.IsActive)
                {
                    return; // removed or disabled: nothing more goes out (a 410 already moved its outbox to the dead letters)
                }

                var pending = await deliveries.PendingAsync(Id, Batch, cancellationToken);
                if (pending.Count == 0)
                {
                    if (_wokenWhileDraining)
                    {
                        continue; // enqueued while this drain read: read again
                    }

                    return;
                }

                var secret = secrets.Reveal(webhook.ProtectedSecret);
                foreach (var delivery in pending)
                {
                    if (!await DeliverAsync(webhook, secret, delivery, cancellationToken))
                    {
                        return;
                    }
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // ClickHouse or Data Protection failed: nothing was lost (the outbox is as it was); try again later.
            LogDrainFailed(Id, ex.GetType().Name);
            Schedule(_retries.FirstDelay);
        }
        finally
        {
            _draining = false;
            fired?.Dispose();
        }
    }

    /// <summary>Tries one message; true to go on with the next, false to stop (a retry is scheduled, or the webhook is gone).</summary>
    private async Task<bool> DeliverAsync(Webhook webhook, string secret, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var outcome = await poster.PostAsync(webhook.Url, secret, delivery, cancellationToken);
        var now = time.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        switch (outcome.Result)
        {
            case PostResult.Delivered:
                await deliveries.SaveAsync([delivery.Next(WebhookDeliveryStatus.Delivered, attempts, string.Empty, now)], CancellationToken.None);
                LogDelivered(delivery.DeliveryId, webhook.Id, webhook.Origin, attempts);
                return true;

            case PostResult.Gone:
                await DisableAsync(webhook, delivery, attempts, now);
                return false;

            default:
                if (_retries.GivesUp(attempts, now - delivery.DueFrom))
                {
                    await deliveries.SaveAsync([delivery.Next(WebhookDeliveryStatus.Dead, attempts, outcome.Problem, now)], CancellationToken.None);
                    LogDead(delivery.DeliveryId, webhook.Id, webhook.Origin, attempts, LogText.Escape(outcome.Problem));
                    return true;
                }

                await deliveries.SaveAsync([delivery.Next(WebhookDeliveryStatus.Pending, attempts, outcome.Problem, now)], CancellationToken.None);
                var wait = _retries.DelayAfter(attempts, outcome.RetryAfter);
                LogRetrying(delivery.DeliveryId, webhook.Id, webhook.Origin, attempts, LogText.Escape(outcome.Problem), wait);
                Schedule(wait);
                return false;
        }
    }

    /// <summary>The receiver said the webhook is gone for good: stop, and keep what it did not get as dead letters an admin can see.</summary>
    private async Task DisableAsync(Webhook webhook, WebhookDelivery refused, int attempts, DateTimeOffset now)
    {
        const string reason = "the receiver answered 410 Gone";
        await webhooks.SaveAsync(webhook with { DisabledReason = reason, ChangedAt = now, Version = webhook.Version + 1 }, CancellationToken.None);
        await deliveries.SaveAsync([refused.Next(WebhookDeliveryStatus.Dead, attempts, "410 Gone: webhook disabled", now)], CancellationToken.None);
        List<WebhookDelivery> rest;
        while ((rest = await deliveries.PendingAsync(webhook.Id, Batch, CancellationToken.None)).Count > 0)
        {
            await deliveries.SaveAsync(
                [.. rest.Select(d => d.Next(WebhookDeliveryStatus.Dead, d.Attempts, "not sent: the webhook was disabled (410 Gone)", now))], CancellationToken.None);
        }

        LogDisabled(webhook.Id, webhook.Origin);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook delivery {DeliveryId} to {WebhookId} ({Origin}) delivered at attempt {Attempts}")]
    private partial void LogDelivered(string deliveryId, string webhookId, string origin, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {WebhookId} ({Origin}) failed at attempt {Attempts}: {Problem}; trying again in {Wait}")]
    private partial void LogRetrying(string deliveryId, string webhookId, string origin, int attempts, string problem, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {WebhookId} ({Origin}) given up after {Attempts} attempts ({Problem}): it is in the dead letters")]
    private partial void LogDead(string deliveryId, string webhookId, string origin, int attempts, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId} ({Origin}) answered 410 Gone: disabled; its undelivered messages are in the dead letters")]
    private partial void LogDisabled(string webhookId, string origin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {WebhookId}: the outbox could not be read or updated ({Error}); trying again later")]
    private partial void LogDrainFailed(string webhookId, string error);
}
