namespace GovPulse.Grains;

/// <summary>
/// Publishes one local hour (key <c>2026-11-23T10</c>, see <see cref="PublicationHour"/>): every
/// unit's scorecard into the hourly history and the <c>hourly</c> hub message. Every node's hourly
/// job calls the grain of the same hour; Orleans runs one activation per key, and the grain asks
/// the history first, so the hour is stored once however many nodes and retries call it.
/// </summary>
[Alias("govpulse.hourly-publisher")]
public interface IHourlyPublisherGrain : IGrainWithStringKey
{
    /// <summary>Publishes the hour unless it already is; either way says how the hour was published.</summary>
    [Alias("publish")]
    Task<HourlyPublication> Publish();
}

/// <summary>What a call of <see cref="IHourlyPublisherGrain.Publish"/> found or did.</summary>
/// <param name="Hour">Start of the hour, local time (+07:00).</param>
/// <param name="Outcome">Whether this call stored the hour or found it stored.</param>
/// <param name="PublishedAt">When the hour was stored (its figures are those of this instant).</param>
/// <param name="Late">The hour was published after it had passed.</param>
/// <param name="Units">Units in the hour's snapshot.</param>
[GenerateSerializer, Immutable, Alias("govpulse.hourly-publication")]
public sealed record HourlyPublication(
    [property: Id(0)] DateTimeOffset Hour,
    [property: Id(1)] HourlyOutcome Outcome,
    [property: Id(2)] DateTimeOffset PublishedAt,
    [property: Id(3)] bool Late,
    [property: Id(4)] int Units);

[GenerateSerializer, Alias("govpulse.hourly-outcome")]
public enum HourlyOutcome
{
    /// <summary>This call stored the hour and sent the <c>hourly</c> message.</summary>
    Published,

    /// <summary>The hour was already stored (by an earlier call, another node, or before a crash); nothing was written or sent.</summary>
    AlreadyPublished,
}
