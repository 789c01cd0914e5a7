using System.Text.Json;
using GovPulse.Dashboard.Queries;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Exports.Files;

/// <summary>
/// <c>GET /api/v1/exports/manifests/{sha256}</c>: <c>{ "sha256": manifest hash, "manifest": {…},
/// "firstIssuedAt": local time with offset }</c>. The manifest is the stored canonical JSON as it is,
/// so hashing its text as stored gives <c>sha256</c> again.
/// </summary>
public sealed record ManifestAnswer(string Sha256, JsonElement Manifest, string FirstIssuedAt)
{
    public static ManifestAnswer Of(StoredExportManifest stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        using var document = JsonDocument.Parse(stored.Manifest);
        return new ManifestAnswer(stored.ManifestSha256, document.RootElement.Clone(), AsOfParameter.Format(stored.FirstIssuedAt));
    }
}
