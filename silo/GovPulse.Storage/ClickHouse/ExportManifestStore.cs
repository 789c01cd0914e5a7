using System.Globalization;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;

namespace GovPulse.Storage.ClickHouse;

/// <summary>The <c>export_manifests</c> table (migration 0025).</summary>
public sealed class ExportManifestStore(ClickHouseDatabase database) : IExportManifestStore
{
    private static readonly string[] Columns = ["manifest_sha256", "file_sha256", "manifest", "first_issued_at", "keep"];

    // Rows of one manifest differ only by issue time until the merge folds them: every read keeps the earliest.
    private const string Earliest =
        """
        SELECT manifest_sha256, file_sha256, manifest, toUnixTimestamp64Milli(first_issued_at)
        FROM export_manifests
        WHERE {where}
        ORDER BY manifest_sha256, first_issued_at ASC
        LIMIT 1 BY manifest_sha256
        """;

    public async Task AddAsync(StoredExportManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (await ReadAsync("manifest_sha256 = {sha:String}", manifest.ManifestSha256, cancellationToken) is not null)
        {
            return;
        }

        var client = await database.GetClientAsync();
        var issuedMs = manifest.FirstIssuedAt.ToUnixTimeMilliseconds();
        object[] row =
        [
            manifest.ManifestSha256, manifest.FileSha256, manifest.Manifest, manifest.FirstIssuedAt.UtcDateTime,
            ulong.MaxValue - (ulong)Math.Max(0, issuedMs),
        ];
        await client.InsertBinaryAsync("export_manifests", Columns, [row], database.InsertOptions, cancellationToken);
    }

    public Task<StoredExportManifest?> FindAsync(string sha256, CancellationToken cancellationToken = default) =>
        ReadAsync("manifest_sha256 = {sha:String} OR file_sha256 = {sha:String}", sha256, cancellationToken);

    private async Task<StoredExportManifest?> ReadAsync(string where, string sha256, CancellationToken cancellationToken)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("sha", sha256);
        var client = await database.GetClientAsync();
        using var reader = await client.ExecuteReaderAsync(Earliest.Replace("{where}", where, StringComparison.Ordinal), parameters, null, cancellationToken);
        StoredExportManifest? found = null;

        // Files of different manifests can share bytes (a CSV does not state its asOf, so two asOfs
        // with the same figures give the same file): the first issued answers for the file hash.
        while (await reader.ReadAsync(cancellationToken))
        {
            var candidate = new StoredExportManifest(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture)));
            if (found is null || candidate.FirstIssuedAt < found.FirstIssuedAt)
            {
                found = candidate;
            }
        }

        return found;
    }
}
