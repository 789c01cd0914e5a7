using System.Collections.Concurrent;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Webhooks;

namespace GovPulse.Grains.Tests.Notifications.Alerts;

/// <summary>The webhook outbox as the alerts see it (the real one is another area's): records what was enqueued.</summary>
public sealed class RecordingWebhookOutbox : IWebhookOutbox
{
    public ConcurrentQueue<Notice> Enqueued { get; } = new();

    public Task EnqueueAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        Enqueued.Enqueue(notice);
        return Task.CompletedTask;
    }
}
