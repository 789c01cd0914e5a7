using System.Collections.Concurrent;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Webhooks;

namespace GovPulse.Grains.Tests.Notifications.Summaries;

/// <summary>The webhook seam until WEBHOOKS' outbox is merged: records what was enqueued.</summary>
public sealed class RecordingWebhookOutbox : IWebhookOutbox
{
    public ConcurrentQueue<Notice> Enqueued { get; } = new();

    public Task EnqueueAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        Enqueued.Enqueue(notice);
        return Task.CompletedTask;
    }
}
