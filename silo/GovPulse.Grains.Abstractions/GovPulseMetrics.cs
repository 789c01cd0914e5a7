using System.Diagnostics.Metrics;

namespace GovPulse.Grains;

/// <summary>
/// The node's own metrics (meter <c>GovPulse</c>), exported by OpenTelemetry at <c>/metrics</c>:
/// what operators watch to see the city is live and keeping up.
/// </summary>
public sealed class GovPulseMetrics : IDisposable
{
    public const string MeterName = "GovPulse";

    private readonly Meter _meter;

    public GovPulseMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        EventsIngested = _meter.CreateCounter<long>("govpulse.events.ingested", "{event}", "Events stored in ClickHouse by this node (new, not duplicates)");
        EventsDuplicate = _meter.CreateCounter<long>("govpulse.events.duplicate", "{event}", "Events received again and counted once");
        EventsRejected = _meter.CreateCounter<long>("govpulse.events.rejected", "{event}", "Lines rejected with a reason");
        EventsApplied = _meter.CreateCounter<long>("govpulse.events.applied", "{event}", "Events that changed a unit grain's state");
        EventsQuarantined = _meter.CreateCounter<long>("govpulse.events.quarantined", "{event}", "Stored events a unit's ledger could not apply, set aside with their reason (GET /api/v1/admin/quarantine)");
        SealedMonths = _meter.CreateCounter<long>("govpulse.ledger.sealed_months", "{month}", "Receipt months unit ledgers sealed (folded into a tally, their dossiers out of memory)");
        ReopenedMonths = _meter.CreateCounter<long>("govpulse.ledger.reopened_months", "{month}", "Sealed months unit ledgers reopened from the event log (a late event, or a question their tally does not answer)");
        ActiveUnits = _meter.CreateUpDownCounter<long>("govpulse.grains.active", "{grain}", "Unit grains active on this node");
        PublicationLag = _meter.CreateHistogram<double>("govpulse.hourly.publication_lag", "s", "Seconds from the top of the hour to its publication");
        PublicationFailures = _meter.CreateCounter<long>("govpulse.hourly.publication_failures", "{attempt}", "Failed attempts to publish the current hour (tag retried: true when the node tries again within the hour)");
        IngestOverloaded = _meter.CreateCounter<long>("govpulse.ingest.overloaded", "{batch}", "Ingest batches answered 503 because this node was overloaded (tag reason: batches, events, timeout)");
        EventsInFlight = _meter.CreateUpDownCounter<long>("govpulse.ingest.in_flight", "{event}", "Events this node holds between reading and applying");
    }

    public Counter<long> EventsIngested { get; }

    public Counter<long> EventsDuplicate { get; }

    public Counter<long> EventsRejected { get; }

    public Counter<long> EventsApplied { get; }

    public Counter<long> EventsQuarantined { get; }

    public Counter<long> SealedMonths { get; }

    public Counter<long> ReopenedMonths { get; }

    public UpDownCounter<long> ActiveUnits { get; }

    public Histogram<double> PublicationLag { get; }

    public Counter<long> PublicationFailures { get; }

    public Counter<long> IngestOverloaded { get; }

    public UpDownCounter<long> EventsInFlight { get; }

    public void Dispose() => _meter.Dispose();
}
