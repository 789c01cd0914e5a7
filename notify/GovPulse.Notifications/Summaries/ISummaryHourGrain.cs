using Orleans.Concurrency;

namespace GovPulse.Notifications.Summaries;

/// <summary>
/// The summaries of one published hour, keyed like the hour's publisher (<c>yyyy-MM-ddTHH</c>,
/// local time): one activation in the cluster runs them, and its delivery marks keep a second
/// activation (another node, a retry) from sending anything twice.
/// </summary>
[Alias("govpulse.summary-hour")]
public interface ISummaryHourGrain : IGrainWithStringKey
{
    /// <summary>Starts the hour's summaries and returns at once (the publishing node's listener calls it).</summary>
    [Alias("start"), OneWay]
    Task Start();

    /// <summary>Runs the hour's summaries and answers what went out (nothing for what a run before sent).</summary>
    [Alias("deliver")]
    Task<SummaryReport> Deliver();
}
