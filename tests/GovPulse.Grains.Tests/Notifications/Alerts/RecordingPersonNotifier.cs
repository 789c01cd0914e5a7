using System.Collections.Concurrent;
using GovPulse.Notifications.Notices;

namespace GovPulse.Grains.Tests.Notifications.Alerts;

/// <summary>
/// The person notifier as the alerts see it (the real one, with schedules and quiet hours, is another
/// area's): records each notice per person, and refuses the next ones while <see cref="Failing"/> is set.
/// </summary>
public sealed class RecordingPersonNotifier : IPersonNotifier
{
    public ConcurrentQueue<(string Username, Notice Notice)> Sent { get; } = new();

    /// <summary>While set, every call throws, as a notifier whose storage is down would.</summary>
    public bool Failing { get; set; }

    public Task<NoticeDelivery> NotifyAsync(string username, Notice notice, CancellationToken cancellationToken = default)
    {
        if (Failing)
        {
            throw new InvalidOperationException("The notifier is down (test).");
        }

        Sent.Enqueue((username, notice));
        return Task.FromResult(new NoticeDelivery(1, 0, 0, 0));
    }

    public IReadOnlyList<Notice> To(string username) => [.. Sent.Where(s => s.Username == username).Select(s => s.Notice)];
}
