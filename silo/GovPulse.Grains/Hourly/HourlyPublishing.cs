using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Logging;

namespace GovPulse.Grains.Hourly;

/// <summary>
/// What an activation of an hour's grain (<see cref="HourlyPublisherGrain"/>) runs to publish its
/// hour, apart from the grain so that two activations of one hour (a membership change, a split
/// cluster) can be played in tests through the same code: judge every unit at the top of the hour,
/// store the hour with the hour's deduplication token, and send the <c>hourly</c> message only
/// when this publication's insert is the one that created the hour.
/// </summary>
public sealed partial class HourlyPublishing(
    GrainsByKey<IUnitGrain> unitGrains,
    IIndicatorHistoryStore history,
    UnitDirectory units,
    BandThresholds bands,
    IScorecardPublisher publisher,
    ScoringClock clock,
    GovPulseMetrics metrics,
    ILogger<HourlyPublishing> logger)
{
    /// <summary>How far ahead of this node's clock an hour may start: nodes' clocks differ a little.</summary>
    public static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Publishes <paramref name="hour"/> as the publication <paramref name="publicationId"/> (one per
    /// activation, so a retry inside the activation is recognised as the same writer), unless
    /// another publication has stored it.
    /// </summary>
    public async Task<HourlyPublication> PublishAsync(DateTimeOffset hour, Guid publicationId, CancellationToken cancellationToken = default)
    {
        var key = PublicationHour.Key(hour);
        if (hour > clock.Now + ClockTolerance)
        {
            throw new InvalidOperationException($"hour {key} has not begun (now {VietnamTime.ToLocal(clock.Now):O}); an hour is published from its start on");
        }

        if (await history.FindPublicationAsync(hour, cancellationToken) is { } found)
        {
            if (found.PublicationId != publicationId)
            {
                LogAlreadyStored(key, found.PublishedAt);
                return new HourlyPublication(hour, HourlyOutcome.AlreadyPublished, found.PublishedAt, found.Late, found.Units);
            }

            // This publication stored the hour on an attempt that failed before its message went out.
            var storedCards = (await history.ReadHourAsync(hour, cancellationToken)).Select(s => s.Scorecard).ToList();
            await AnnounceAsync(found, storedCards, await PreviousTotalsAsync(hour, cancellationToken), key);
            return Completed(found);
        }

        // Everything the message needs is ready before the insert, so little lies between the two.
        var scorecards = await ScorecardsAtAsync(hour);
        var previous = await PreviousTotalsAsync(hour, cancellationToken);
        var publishedAt = VietnamTime.ToLocal(clock.Now);
        var late = publishedAt >= hour.AddHours(1);
        var stored = await history.StoreAsync(
            publicationId,
            scorecards.Select(s => new IndicatorSnapshot(hour, s, publishedAt, late)).ToList(),
            cancellationToken);
        if (stored.PublicationId != publicationId)
        {
            // Another activation's insert of the hour landed first; the engine dropped this one.
            LogLostRace(key, stored.PublishedAt);
            return new HourlyPublication(hour, HourlyOutcome.AlreadyPublished, stored.PublishedAt, stored.Late, stored.Units);
        }

        LogPublished(key, stored.Units, stored.Late);
        await AnnounceAsync(stored, scorecards, previous, key);
        return Completed(stored);
    }

    /// <summary>
    /// Every unit's scorecard for the hour's month, judged at the top of the hour: what the figures
    /// were when the hour began, whenever this runs (a retry, a late fill after an outage). The city
    /// (each province, the nation) is pooled from the same answers, as <see cref="CityGrain"/> pools its units.
    /// </summary>
    private async Task<List<Scorecard>> ScorecardsAtAsync(DateTimeOffset hour)
    {
        var month = Period.MonthOf(hour);
        var evaluatedAt = month.EvaluationTime(hour);
        var figures = await Task.WhenAll(units.All.Select(u => unitGrains[u.Code].GetFiguresAt(month, hour)));
        var byCode = new Dictionary<string, UnitFigures>(StringComparer.Ordinal);
        for (var i = 0; i < figures.Length; i++)
        {
            byCode[units.All[i].Code] = figures[i];
        }

        return units.All
            .Select((unit, i) => UnitDirectory.IsPooled(unit)
                ? UnitEvaluation.Scorecard(unit, month.Label, evaluatedAt, PooledFigures.Of(units, unit, byCode.GetValueOrDefault), bands)
                : UnitEvaluation.Scorecard(unit, month.Label, evaluatedAt, figures[i], bands))
            .ToList();
    }

    /// <summary>Each unit's total at the last hour published before <paramref name="hour"/>; null when there is none.</summary>
    private async Task<IReadOnlyDictionary<string, decimal>?> PreviousTotalsAsync(DateTimeOffset hour, CancellationToken cancellationToken) =>
        await history.LastPublishedHourAsync(before: hour, cancellationToken: cancellationToken) is { } previous
            ? await history.TotalsAtAsync(previous, cancellationToken)
            : null;

    /// <summary>Sends the hour's message as stored.</summary>
    private async Task AnnounceAsync(HourPublication stored, List<Scorecard> scorecards, IReadOnlyDictionary<string, decimal>? previous, string key)
    {
        try
        {
            await publisher.PublishHourlyAsync(HourlySummaries.Of(stored.Hour, stored.PublishedAt, stored.Late, scorecards, units, previous));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Viewers miss this hour's message; the hour itself is stored, and a retry would not resend.
            LogMessageFailed(ex, key);
        }
    }

    /// <summary>The publication done: records its lag (seconds from the top of the hour), tagged late or not.</summary>
    private HourlyPublication Completed(HourPublication stored)
    {
        metrics.PublicationLag.Record((clock.Now - stored.Hour).TotalSeconds, new KeyValuePair<string, object?>("late", stored.Late));
        return new HourlyPublication(stored.Hour, HourlyOutcome.Published, stored.PublishedAt, stored.Late, stored.Units);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hour {Hour} published: {Units} scorecards stored, late: {Late}")]
    private partial void LogPublished(string hour, int units, bool late);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hour {Hour} was already published at {PublishedAt}; nothing written")]
    private partial void LogAlreadyStored(string hour, DateTimeOffset publishedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hour {Hour} was stored by another publication at {PublishedAt} while this one wrote it; the engine kept the first, this one sends nothing")]
    private partial void LogLostRace(string hour, DateTimeOffset publishedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hour {Hour} is stored but its hourly message could not be sent")]
    private partial void LogMessageFailed(Exception exception, string hour);
}
