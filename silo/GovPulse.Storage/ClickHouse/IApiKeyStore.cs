namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The <c>api_keys</c> table: ingest keys by their public id, with the SHA-256 of the key (never
/// the key), the units each may send and its rate. Keys are created and revoked, never changed.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key.</summary>
    Task AddAsync(StoredApiKey key, CancellationToken cancellationToken = default);

    /// <summary>The key with that id, revoked or not; null when there is none.</summary>
    Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes the key at <paramref name="at"/> and returns it as revoked; a key revoked before keeps
    /// its first revocation time. Null when no key has that id.
    /// </summary>
    Task<StoredApiKey?> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>A stored ingest key.</summary>
/// <param name="Id">Public id shown in lists and used to revoke (<c>k_</c> + 8 hex digits).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the key's UTF-8 bytes.</param>
/// <param name="Units">The unit codes the key may send events for; empty = every unit.</param>
public sealed record StoredApiKey(
    string Id,
    string Name,
    string Sha256,
    IReadOnlyList<string> Units,
    int RatePerMinute,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
