namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The <c>export_manifests</c> table (migration 0025): the manifest of every export served, findable
/// by its own SHA-256 or by the file's.
/// </summary>
public interface IExportManifestStore
{
    /// <summary>Stores the manifest unless it is already stored: the same manifest twice is one row, with the first issue time.</summary>
    Task AddAsync(StoredExportManifest manifest, CancellationToken cancellationToken = default);

    /// <summary>The manifest whose SHA-256, or whose file's SHA-256, is <paramref name="sha256"/> (lower-case hex); null when none is.</summary>
    Task<StoredExportManifest?> FindAsync(string sha256, CancellationToken cancellationToken = default);
}

/// <summary>An export's manifest as stored.</summary>
/// <param name="ManifestSha256">SHA-256 (lower-case hex) of <paramref name="Manifest"/>'s UTF-8 bytes.</param>
/// <param name="FileSha256">SHA-256 (lower-case hex) of the file the manifest describes.</param>
/// <param name="Manifest">The manifest's canonical JSON, exactly as hashed.</param>
/// <param name="FirstIssuedAt">When a file with this manifest was first served.</param>
public sealed record StoredExportManifest(string ManifestSha256, string FileSha256, string Manifest, DateTimeOffset FirstIssuedAt);
