namespace GovPulse.Grains;

/// <summary>
/// Publishes one local hour (key <c>2026-11-23T10</c>, see <see cref="PublicationHour"/>): every
/// unit's scorecard judged at the top of the hour into the hourly history, and the <c>hourly</c>
/// hub message. Every node's hourly job calls the grain of the same hour; the hour's insert carries
/// the hour's deduplication token and only the activation whose insert created the hour sends the
/// message, so the hour is stored and announced once however many nodes, activations and retries
/// call it.
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
/// <param name="PublishedAt">When the hour was stored (its figures are those of the top of the hour, whenever this was).</param>
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
    /// <summary>This call's activation stored the hour (its insert created it) and sent the <c>hourly</c> message.</summary>
    Published,

    /// <summary>
    /// The hour was stored by another publication (an earlier call, another node, a racing activation
    /// whose insert landed first, or a node before its crash); nothing more was stored or sent.
    /// </summary>
    AlreadyPublished,
}
