using GovPulse.Grains;
using GovPulse.Indicators.Scoring;
using Microsoft.Extensions.Options;

namespace GovPulse.Notifications.Summaries;

/// <summary>Hands each announced hour to its summaries grain (one-way, so the publication does not wait for the pushes).</summary>
public sealed class SummariesListener(IGrainFactory grains, IOptions<SummariesOptions> options) : IFiguresListener
{
    public Task OnScorecardAsync(Scorecard scorecard) => Task.CompletedTask;

    public Task OnHourlyAsync(HourlySummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return options.Value.Enabled
            ? grains.GetGrain<ISummaryHourGrain>(PublicationHour.Key(summary.Hour)).Start()
            : Task.CompletedTask;
    }
}
