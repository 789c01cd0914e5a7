using GovPulse.Indicators.Scoring;

namespace GovPulse.Grains;

/// <summary>
/// The <c>hourly</c> hub message (api-v1 §3): the city's scorecard at the top of the hour, the best
/// and worst five communes, and what changed since the previous hour.
/// </summary>
/// <param name="Hour">Start of the published hour, local time (+07:00).</param>
/// <param name="Late">Published after the hour had passed (the cluster was down at the time).</param>
[GenerateSerializer, Immutable, Alias("govpulse.hourly-summary")]
public sealed record HourlySummary(
    [property: Id(0)] DateTimeOffset Hour,
    [property: Id(1)] DateTimeOffset PublishedAt,
    [property: Id(2)] bool Late,
    [property: Id(3)] Scorecard City,
    [property: Id(4)] IReadOnlyList<HourlyRank> Best,
    [property: Id(5)] IReadOnlyList<HourlyRank> Worst,
    [property: Id(6)] IReadOnlyList<HourlyChange> Changes);

/// <summary>A commune's place in the hourly ranking.</summary>
[GenerateSerializer, Immutable, Alias("govpulse.hourly-rank")]
public sealed record HourlyRank(
    [property: Id(0)] int Rank,
    [property: Id(1)] string UnitCode,
    [property: Id(2)] string Name,
    [property: Id(3)] decimal Total,
    [property: Id(4)] string Band);

/// <summary>A unit whose total moved since the previous hour.</summary>
[GenerateSerializer, Immutable, Alias("govpulse.hourly-change")]
public sealed record HourlyChange(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] string Name,
    [property: Id(2)] decimal Total,
    [property: Id(3)] decimal? PreviousTotal);
