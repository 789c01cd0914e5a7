namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The <c>unit_sealed_months</c> table: each unit's sealed months, written once each, read by the
/// keys a live segment names (docs/architecture.md, "Unit segments").
/// </summary>
public interface ISealedMonthStore
{
    /// <summary>Stores the sealed months; one already stored under the same key is kept once.</summary>
    Task SaveAsync(IReadOnlyList<StoredSealedMonth> months, CancellationToken cancellationToken = default);

    /// <summary>The unit's sealed months stored under these keys, each once; a key not stored is absent from the answer.</summary>
    Task<IReadOnlyList<StoredSealedMonth>> ReadAsync(string unitCode, IReadOnlyCollection<SealedMonthKey> keys, CancellationToken cancellationToken = default);

    /// <summary>
    /// The sealed months stored under the keys each unit names (<paramref name="keysByUnit"/>), in one
    /// pass over the table (a node's start): by unit, each key once, a damaged or unnamed row left out.
    /// </summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<StoredSealedMonth>>> ReadAllAsync(
        IReadOnlyDictionary<string, IReadOnlyCollection<SealedMonthKey>> keysByUnit, CancellationToken cancellationToken = default);

    /// <summary>Forgets the unit's sealed months.</summary>
    Task DeleteAsync(string unitCode, CancellationToken cancellationToken = default);
}
