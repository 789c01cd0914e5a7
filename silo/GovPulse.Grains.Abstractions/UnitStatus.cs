namespace GovPulse.Grains;

/// <summary>How a unit grain was rebuilt and where its snapshots stand: for operators and tests.</summary>
/// <param name="RebuiltFromSnapshot">The log position of the snapshot the activation started from; null when it replayed every event.</param>
/// <param name="ReplayedEvents">Events read from the log on activation (the tail after the snapshot, or all).</param>
/// <param name="Silo">The node the unit lives on now.</param>
/// <param name="Quarantined">Events of the log the ledger skips: quarantined because it could not apply them.</param>
/// <param name="RebuildMilliseconds">How long the activation's rebuild took.</param>
/// <param name="LastSnapshot">The log position of the last snapshot this activation saved, if any.</param>
/// <param name="EventsSinceSnapshot">Events replayed or applied since the ledger was last covered by a snapshot.</param>
/// <param name="Dossiers">Dossiers the ledger counts: in memory and folded into sealed months.</param>
/// <param name="LiveDossiers">Dossiers held in memory (the rest are folded into sealed months).</param>
/// <param name="SealedMonths">Receipt months sealed: immutable tallies, saved once each as segments.</param>
/// <param name="Position">The unit's log position: the last event of its log the ledger holds (0 before any).</param>
[GenerateSerializer, Immutable, Alias("govpulse.unit-status")]
public sealed record UnitStatus(
    [property: Id(0)] string UnitCode,
    [property: Id(1)] int Dossiers,
    [property: Id(2)] int Petitions,
    [property: Id(3)] long? RebuiltFromSnapshot,
    [property: Id(4)] int ReplayedEvents,
    [property: Id(5)] long RebuildMilliseconds,
    [property: Id(6)] long? LastSnapshot,
    [property: Id(7)] int EventsSinceSnapshot,
    [property: Id(8)] long Position = 0,
    [property: Id(9)] int Quarantined = 0,
    [property: Id(10)] string? Silo = null,
    [property: Id(11)] int LiveDossiers = 0,
    [property: Id(12)] int SealedMonths = 0);
