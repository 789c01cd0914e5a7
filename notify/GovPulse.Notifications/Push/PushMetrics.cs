using System.Diagnostics.Metrics;
using GovPulse.Grains;

namespace GovPulse.Notifications.Push;

/// <summary>Web Push counters on the node's meter (<c>GovPulse</c>, exported at <c>/metrics</c>).</summary>
public sealed class PushMetrics
{
    public PushMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        // The factory owns the meter (shared with GovPulseMetrics by name) and disposes it.
        var meter = meters.Create(GovPulseMetrics.MeterName);
        Sent = meter.CreateCounter<long>("govpulse.push.sent", "{message}", "Web Push messages a push service accepted");
        Removed = meter.CreateCounter<long>("govpulse.push.removed", "{subscription}", "Subscriptions removed because their push service said they are gone (404/410)");
        Failed = meter.CreateCounter<long>("govpulse.push.failed", "{message}", "Web Push messages refused, or still failing after the retries");
        Retried = meter.CreateCounter<long>("govpulse.push.retried", "{request}", "Requests to a push service made again after 429 or 5xx");
    }

    public Counter<long> Sent { get; }

    public Counter<long> Removed { get; }

    public Counter<long> Failed { get; }

    public Counter<long> Retried { get; }
}
