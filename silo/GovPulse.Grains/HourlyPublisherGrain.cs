using GovPulse.Grains.Hourly;

namespace GovPulse.Grains;

/// <summary>
/// Publishes one local hour, exactly once per cluster, and announces it once. What makes it so
/// holds even when two activations of the hour race (a membership change, a split cluster), not
/// only when Orleans keeps one:
/// <list type="number">
/// <item>The hour's figures are its own: every unit is judged at the top of the hour
/// (<see cref="IUnitGrain.GetFiguresAt"/>), so any writer, on time or late, computes the same hour.</item>
/// <item>The hour is stored by one insert carrying the hour's deduplication token
/// (<see cref="Storage.ClickHouse.IIndicatorHistoryStore.StoreAsync"/>): the engine applies the first
/// insert of an hour and drops every later one whole, atomically. Two racing writers leave one
/// stored hour, and every read sees one row per unit and hour from the start.</item>
/// <item>Each activation writes as a publication of its own (an id kept for its lifetime); the rows
/// keep the id of the insert that created the hour. Only the activation whose id the stored hour
/// holds sends the <c>hourly</c> message, so of two racing activations exactly one sends. A retry
/// inside the same activation (its insert landed but the call failed) is the same publication and
/// sends the message it owes.</item>
/// </list>
/// Orleans' single activation and the history check before writing still spare the work in the
/// ordinary case. What remains at most once: an activation that dies after its insert and before its
/// message leaves the hour stored and unannounced (another activation cannot tell it did not send).
/// A failed call is retried within the hour by the node's <see cref="HourlyRound"/>.
/// <para>
/// The call that publishes records <see cref="GovPulseMetrics.PublicationLag"/>: seconds from the
/// top of the hour (its start, when every node's job fires) to the end of its publication, tagged
/// <c>late</c> so hours filled after an outage do not hide the on-time lag.
/// </para>
/// </summary>
public sealed class HourlyPublisherGrain(HourlyPublishing publishing) : Grain, IHourlyPublisherGrain
{
    /// <summary>This activation's publication: the id its inserts carry.</summary>
    private readonly Guid _publicationId = Guid.NewGuid();

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

        _publication = await publishing.PublishAsync(hour, _publicationId);
        return _publication;
    }
}
