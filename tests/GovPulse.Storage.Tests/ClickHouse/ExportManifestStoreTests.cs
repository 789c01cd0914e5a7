using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ClickHouse;

[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class ExportManifestStoreTests(EmbeddedClickHouseFixture fixture)
{
    private static readonly DateTimeOffset Issued = new(2026, 12, 1, 1, 0, 0, 123, TimeSpan.Zero);

    private static readonly StoredExportManifest November = new(
        new string('a', 64), new string('f', 64), """{"request":"/api/v1/exports/rankings?period=2026-11","asOf":"2026-12-01T08:00:00+07:00"}""", Issued);

    [Fact]
    public async Task A_manifest_is_found_by_its_own_hash_and_by_its_files_hash()
    {
        await using var database = ServerModeDatabase.Create(fixture, "manifests");
        var store = new ExportManifestStore(database);

        await store.AddAsync(November);

        (await store.FindAsync(November.ManifestSha256)).Should().Be(November);
        (await store.FindAsync(November.FileSha256)).Should().Be(November);
        (await store.FindAsync(new string('0', 64))).Should().BeNull();
    }

    [Fact]
    public async Task The_same_manifest_issued_again_is_one_row_that_keeps_the_first_issue_time()
    {
        await using var database = ServerModeDatabase.Create(fixture, "manifests");
        var store = new ExportManifestStore(database);

        await store.AddAsync(November);
        await store.AddAsync(November with { FirstIssuedAt = Issued.AddDays(30) });

        (await store.FindAsync(November.ManifestSha256))!.FirstIssuedAt.Should().Be(Issued);
        var client = await database.GetClientAsync();
        var rows = Convert.ToInt64(await client.ExecuteScalarAsync("SELECT count() FROM export_manifests"), System.Globalization.CultureInfo.InvariantCulture);
        rows.Should().Be(1);
    }

    [Fact]
    public async Task A_file_shared_by_two_manifests_answers_with_the_first_issued()
    {
        await using var database = ServerModeDatabase.Create(fixture, "manifests");
        var store = new ExportManifestStore(database);
        var later = November with { ManifestSha256 = new string('b', 64), Manifest = "{}", FirstIssuedAt = Issued.AddHours(1) };

        await store.AddAsync(later);
        await store.AddAsync(November);

        (await store.FindAsync(November.FileSha256)).Should().Be(November);
        (await store.FindAsync(later.ManifestSha256)).Should().Be(later);
    }
}
