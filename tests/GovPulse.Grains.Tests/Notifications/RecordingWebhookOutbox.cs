using System.Collections.Concurrent;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Webhooks;

namespace GovPulse.Grains.Tests.Notifications;

/// <summary>A webhook outbox that records what was enqueued, for tests of what the alerts and summaries hand to webhooks.</summary>
public sealed class RecordingWebhookOutbox : IWebhookOutbox
{
    public ConcurrentQueue<Notice> Enqueued { get; } = new();

    public Task EnqueueAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        Enqueued.Enqueue(notice);
        return Task.CompletedTask;
    }
}
