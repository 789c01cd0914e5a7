using GovPulse.Grains.Hourly;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging;

namespace GovPulse.Grains;

/// <summary>
/// Publishes one local hour, exactly once per cluster. Three layers make it so:
/// <list type="number">
/// <item>Orleans keeps one activation per key, and its calls run one at a time, so the jobs of
/// every node calling the same hour meet here and only the first does the work.</item>
/// <item>Before it writes, the grain asks ClickHouse whether the hour is already stored, so a new
/// activation (after deactivation, or on another node after a crash) never writes it twice.</item>
/// <item>The write is one insert into a ReplacingMergeTree keyed by (unit_code, hour): it lands
/// whole or not at all, and should two activations ever race past the check, the duplicate rows
/// collapse and every read keeps one per unit and hour.</item>
/// </list>
/// The insert is the commit point; the <c>hourly</c> message follows it. A node dying between the
/// two leaves the hour stored without its message (at most once for the message, exactly once for
/// the history).
/// <para>
/// The call that publishes records <see cref="GovPulseMetrics.PublicationLag"/>: seconds from the
/// top of the hour (its start, when every node's job fires) to the end of its publication, tagged
/// <c>late</c> so hours filled after an outage do not hide the on-time lag.
/// </para>
/// </summary>
public sealed partial class HourlyPublisherGrain(
    IIndicatorHistoryStore history,
    UnitDirectory units,
    IScorecardPublisher publisher,
    ScoringClock clock,
    GovPulseMetrics metrics,
    ILogger<HourlyPublisherGrain> logger) : Grain, IHourlyPublisherGrain
{
    /// <summary>How far ahead of this node's clock an hour may start: nodes' clocks differ a little.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    private HourlyPublication? _publication;

    public async Task<HourlyPublication> Publish()
    {
        if (_publication is not null)
        {
            return _publication with { Outcome = HourlyOutcome.AlreadyPublished };
        }

        var key = this.GetPrimaryKeyString();
        if (!PublicationHour.TryParse(key, out var hour))
        {
            throw new ArgumentException($"'{key}' is not an hour key (yyyy-MM-ddTHH, local time)");
        }

        var now = clock.Now;
        if (hour > now + ClockTolerance)
        {
            throw new InvalidOperationException($"hour {key} has not begun (now {VietnamTime.ToLocal(now):O}); an hour is published from its start on");
        }

        if (await history.FindPublicationAsync(hour) is { } stored)
        {
            _publication = new HourlyPublication(hour, HourlyOutcome.AlreadyPublished, stored.PublishedAt, stored.Late, stored.Units);
            LogAlreadyStored(key, stored.PublishedAt);
            return _publication;
        }

        // Figures are computed now, whatever the hour: grains only know the present. A missed hour
        // published later carries today's figures of its month, marked late.
        var month = Period.MonthOf(hour);
        var scorecards = await Task.WhenAll(units.All.Select(u => ScorecardOf(u, month)));
        var publishedAt = VietnamTime.ToLocal(clock.Now);
        var late = publishedAt >= hour.AddHours(1);
        var previousHour = await history.LastPublishedHourAsync(before: hour);
        var previous = previousHour is { } p ? await history.TotalsAtAsync(p) : null;

        await history.StoreAsync(scorecards.Select(s => new IndicatorSnapshot(hour, s, publishedAt, late)).ToList());
        _publication = new HourlyPublication(hour, HourlyOutcome.Published, publishedAt, late, scorecards.Length);
        LogPublished(key, scorecards.Length, late);

        try
        {
            await publisher.PublishHourlyAsync(HourlySummaries.Of(hour, publishedAt, late, scorecards, units, previous));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The hour is stored; a retry would find it so and send nothing, so say it here.
            LogMessageFailed(ex, key);
        }

        metrics.PublicationLag.Record((clock.Now - hour).TotalSeconds, new KeyValuePair<string, object?>("late", late));
        return _publication;
    }

    private Task<Scorecard> ScorecardOf(Unit unit, Period month) =>
        unit.Code == units.City.Code
            ? GrainFactory.GetGrain<ICityGrain>(unit.Code).GetScorecard(month)
            : GrainFactory.GetGrain<IUnitGrain>(unit.Code).GetScorecard(month);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hour {Hour} published: {Units} scorecards stored, late: {Late}")]
    private partial void LogPublished(string hour, int units, bool late);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hour {Hour} was already published at {PublishedAt}; nothing written")]
    private partial void LogAlreadyStored(string hour, DateTimeOffset publishedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hour {Hour} is stored but its hourly message could not be sent")]
    private partial void LogMessageFailed(Exception exception, string hour);
}
