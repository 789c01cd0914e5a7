using GovPulse.Storage.ClickHouse;

namespace GovPulse.Grains.Ledger;

/// <summary>
/// What a unit grain reads from ClickHouse when it activates, read ahead for every unit while the node
/// starts (<see cref="UnitStartPreload"/>), so a restart costs a few queries instead of five per unit.
/// </summary>
/// <param name="Quarantined">The unit's quarantined event ids.</param>
/// <param name="Latest">Its latest live segment, or null when it has none.</param>
/// <param name="LatestHolds">
/// The log's rows at or below the segment's position number the events it counted, so no other
/// activation wrote there (when false, the grain counts the ids exactly before trusting it).
/// </param>
/// <param name="SealedMonths">The stored sealed months the segment names (those found, whole).</param>
/// <param name="TailAfter">The position <paramref name="Tail"/> follows: the segment's, or -1 without one.</param>
/// <param name="Tail">The log after <paramref name="TailAfter"/>; null when it was too long to read ahead.</param>
public sealed record UnitStart(
    IReadOnlySet<string> Quarantined,
    UnitSnapshot? Latest,
    bool LatestHolds,
    IReadOnlyList<StoredSealedMonth> SealedMonths,
    long TailAfter,
    IReadOnlyList<LoggedEvent>? Tail);
