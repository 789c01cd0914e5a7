using GovPulse.Grains;
using Microsoft.Extensions.Logging;

namespace GovPulse.Notifications.Summaries;

/// <summary>Runs <see cref="SummaryRound"/> for its hour; calls queue one after another, so a second call finds the first one's marks.</summary>
public sealed partial class SummaryHourGrain(SummaryRound round, ILogger<SummaryHourGrain> logger) : Grain, ISummaryHourGrain
{
    public async Task Start()
    {
        try
        {
            await Deliver();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One-way: nobody awaits this; what was sent is marked, and a later call sends the rest.
            LogFailed(ex, this.GetPrimaryKeyString());
        }
    }

    public Task<SummaryReport> Deliver() =>
        PublicationHour.TryParse(this.GetPrimaryKeyString(), out var hour)
            ? round.RunAsync(hour)
            : throw new InvalidOperationException($"'{this.GetPrimaryKeyString()}' is not an hour's key (yyyy-MM-ddTHH)");

    [LoggerMessage(Level = LogLevel.Warning, Message = "The summaries of hour {Hour} failed")]
    private partial void LogFailed(Exception exception, string hour);
}
