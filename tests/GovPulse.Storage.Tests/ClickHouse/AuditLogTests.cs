using ClickHouse.Driver.Utility;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ClickHouse;

[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class AuditLogTests(EmbeddedClickHouseFixture fixture)
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 2, 30, 0, TimeSpan.Zero);

    private static AuditEntry Entry(DateTimeOffset at, string user, string action = "CreateKey", int status = 201) =>
        new(at, user, "admin", action, "POST /api/v1/admin/keys", "127.0.0.1", status, 412, new string('a', 64));

    [Fact]
    public async Task An_entry_reads_back_as_it_was_written_with_Vietnamese_text_intact()
    {
        await using var database = ServerModeDatabase.Create(fixture, "audit");
        var log = new AuditLog(database);
        var entry = new AuditEntry(
            Morning.AddMilliseconds(123), "key:k_1a2b3c4d (Phường Tân Định một cửa)", "key", "ExportRanking",
            "GET /api/v1/exports/rankings?format=xlsx&level=commune&period=2026-11", "203.0.113.7", 200, 66_000_123, new string('f', 64));

        await log.AppendAsync(entry);

        (await log.ReadAsync(new AuditQuery(null, null, null, 10))).Should().Equal(entry);
    }

    [Fact]
    public async Task Entries_are_read_newest_first_within_from_inclusive_and_to_exclusive()
    {
        await using var database = ServerModeDatabase.Create(fixture, "audit");
        var log = new AuditLog(database);
        for (var minute = 0; minute < 5; minute++)
        {
            await log.AppendAsync(Entry(Morning.AddMinutes(minute), "nguyen.van.an"));
        }

        var window = await log.ReadAsync(new AuditQuery(Morning.AddMinutes(1), Morning.AddMinutes(3), null, 10));
        var sinceTwo = await log.ReadAsync(new AuditQuery(Morning.AddMinutes(2), null, null, 10));
        var newestTwo = await log.ReadAsync(new AuditQuery(null, null, null, 2));

        window.Select(e => e.At).Should().Equal(Morning.AddMinutes(2), Morning.AddMinutes(1));
        sinceTwo.Select(e => e.At).Should().Equal(Morning.AddMinutes(4), Morning.AddMinutes(3), Morning.AddMinutes(2));
        newestTwo.Select(e => e.At).Should().Equal(Morning.AddMinutes(4), Morning.AddMinutes(3));
    }

    [Fact]
    public async Task A_user_filter_finds_a_person_by_username_and_a_key_by_its_id_whatever_its_name()
    {
        await using var database = ServerModeDatabase.Create(fixture, "audit");
        var log = new AuditLog(database);
        await log.AppendAsync(Entry(Morning, "nguyen.van.an"));
        await log.AppendAsync(Entry(Morning.AddSeconds(1), "nguyen.van.an2"));
        await log.AppendAsync(Entry(Morning.AddSeconds(2), "key:k_1a2b3c4d (Sở Tư pháp)"));
        await log.AppendAsync(Entry(Morning.AddSeconds(3), "key:k_1a2b3c4d5 (another key)"));

        var person = await log.ReadAsync(new AuditQuery(null, null, "nguyen.van.an", 10));
        var key = await log.ReadAsync(new AuditQuery(null, null, "key:k_1a2b3c4d", 10));

        person.Select(e => e.User).Should().Equal("nguyen.van.an");
        key.Select(e => e.User).Should().Equal("key:k_1a2b3c4d (Sở Tư pháp)");
    }

    [Fact]
    public async Task Entries_survive_reopening_the_database()
    {
        var name = fixture.CreateDatabase("audit_reopen");
        await using (var first = Open(name))
        {
            await new AuditLog(first).AppendAsync(Entry(Morning, "tran.thi.binh"));
        }

        await using var second = Open(name);
        (await new AuditLog(second).ReadAsync(new AuditQuery(null, null, null, 10))).Select(e => e.User).Should().Equal("tran.thi.binh");
    }

    [Fact]
    public async Task The_retention_setting_becomes_the_tables_TTL_once_and_an_expired_entry_goes_at_a_merge()
    {
        await using var database = ServerModeDatabase.Create(fixture, "audit");
        var log = new AuditLog(database);
        var now = DateTimeOffset.UtcNow;
        await log.AppendAsync(Entry(now.AddDays(-40), "old.entry"));
        await log.AppendAsync(Entry(now.AddDays(-20), "recent.entry"));

        var asMigrated = await log.KeepForAsync(1825);
        var changed = await log.KeepForAsync(30);
        var again = await log.KeepForAsync(30);
        var client = await database.GetClientAsync();
        await client.ExecuteNonQueryAsync("OPTIMIZE TABLE audit_log FINAL");

        asMigrated.Should().BeFalse("migration 0026 sets the default retention, 1825 days");
        changed.Should().BeTrue();
        again.Should().BeFalse("the TTL is rewritten only when the setting changes");
        (await client.ExecuteScalarAsync("SELECT create_table_query FROM system.tables WHERE database = currentDatabase() AND name = 'audit_log'"))
            .Should().BeOfType<string>().Which.Should().Contain("TTL toDateTime(at) + toIntervalDay(30)");
        (await log.ReadAsync(new AuditQuery(null, null, null, 10))).Select(e => e.User).Should().Equal("recent.entry");
    }

    private ClickHouseDatabase Open(string name) =>
        new(
            Microsoft.Extensions.Options.Options.Create(new ClickHouseOptions { ConnectionString = fixture.Endpoint.ConnectionStringFor(name), Database = name }),
            Microsoft.Extensions.Options.Options.Create(new StorageOptions { DataDirectory = fixture.DataDirectory }),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
}
