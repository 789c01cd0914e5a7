using System.Globalization;
using System.Reflection;
using ClickHouse.Driver;
using Microsoft.Extensions.Logging;

namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// Applies the numbered SQL files embedded under <c>ClickHouse/Migrations</c> (<c>0001_events.sql</c>, …)
/// in order, once each, and records them in <c>schema_migrations</c>. Every file is itself
/// idempotent (IF NOT EXISTS), so two nodes migrating at once, or a crash between a statement
/// and its record, is harmless.
/// </summary>
public sealed partial class SchemaMigrator(ClickHouseClient client, string database, ILogger logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        // The database may not exist yet, so these two run in "default".
        var inDefault = new QueryOptions { Database = "default" };
        await client.ExecuteNonQueryAsync($"CREATE DATABASE IF NOT EXISTS `{database}`", null, inDefault, cancellationToken);
        await client.ExecuteNonQueryAsync(
            $"""
            CREATE TABLE IF NOT EXISTS `{database}`.schema_migrations
            (version UInt32, name String, applied_at DateTime64(3, 'UTC'))
            ENGINE = ReplacingMergeTree ORDER BY version
            """,
            null,
            inDefault,
            cancellationToken);

        var applied = new HashSet<uint>();
        using (var reader = await client.ExecuteReaderAsync("SELECT version FROM schema_migrations", null, null, cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(Convert.ToUInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
            }
        }

        foreach (var migration in Migrations())
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            await client.ExecuteNonQueryAsync(migration.Sql, null, null, cancellationToken);
            await client.ExecuteNonQueryAsync(
                $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({migration.Version}, '{migration.Name}', now64(3))",
                null,
                null,
                cancellationToken);
            LogApplied(migration.Version, migration.Name);
        }
    }

    /// <summary>The embedded migrations, ordered by their number.</summary>
    public static IReadOnlyList<Migration> Migrations()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        const string marker = ".ClickHouse.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..^".sql".Length];
                var version = uint.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
                return new Migration(version, file, Read(assembly, n));
            })
            .OrderBy(m => m.Version)
            .ToArray();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ClickHouse schema migration {Version} ({Name}) applied")]
    private partial void LogApplied(uint version, string name);

    public sealed record Migration(uint Version, string Name, string Sql);
}
