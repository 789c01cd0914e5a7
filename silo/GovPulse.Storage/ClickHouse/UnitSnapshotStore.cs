using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using ZstdSharp;

namespace GovPulse.Storage.ClickHouse;

/// <summary>Unit snapshots (since format 3, live segments) in ClickHouse, compressed with zstd (fast level) and kept as base64 text.</summary>
public sealed class UnitSnapshotStore(ClickHouseDatabase database) : IUnitSnapshotStore
{
    private const int CompressionLevel = 3;
    private static readonly string[] Columns = ["unit_code", "format", "position", "events", "taken_at", "dossiers", "petitions", "state", "sealed_months"];

    public async Task<UnitSnapshot?> FindLatestAsync(string unitCode, int format, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        parameters.AddParameter("format", format);
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT position, events, toUnixTimestamp64Milli(taken_at), dossiers, petitions, state, sealed_months FROM unit_log_snapshots
            WHERE unit_code = {unit:String} AND format = {format:UInt16}
            ORDER BY position DESC, taken_at DESC
            LIMIT 1
            """,
            parameters,
            null,
            cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        using var decompressor = new Decompressor();
        return Read(reader, unitCode, format, decompressor);
    }

    public async Task<IReadOnlyDictionary<string, UnitSnapshot>> FindAllLatestAsync(int format, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("format", format);
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT position, events, toUnixTimestamp64Milli(taken_at), dossiers, petitions, state, sealed_months, unit_code FROM unit_log_snapshots
            WHERE format = {format:UInt16}
            ORDER BY unit_code, position DESC, taken_at DESC
            LIMIT 1 BY unit_code
            """,
            parameters,
            null,
            cancellationToken);
        var latest = new Dictionary<string, UnitSnapshot>(StringComparer.Ordinal);
        using var decompressor = new Decompressor();
        while (await reader.ReadAsync(cancellationToken))
        {
            var unitCode = reader.GetString(7);
            latest[unitCode] = Read(reader, unitCode, format, decompressor);
        }

        return latest;
    }

    public async Task SaveAsync(UnitSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        using var compressor = new Compressor(CompressionLevel);
        var state = Convert.ToBase64String(compressor.Wrap(snapshot.State.Span));
        var client = await database.GetClientAsync();
        object[] row =
        [
            snapshot.UnitCode, (ushort)snapshot.Format, checked((ulong)snapshot.Position), checked((ulong)snapshot.Events), snapshot.TakenAt.UtcDateTime,
            (uint)snapshot.Dossiers, (uint)snapshot.Petitions, state, (snapshot.SealedMonths ?? []).Select(k => k.ToString()).ToArray(),
        ];
        await client.InsertBinaryAsync("unit_log_snapshots", Columns, [row], database.InsertOptions, cancellationToken);
    }

    public async Task DeleteAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        // A mutation that finishes before it returns, so the next activation cannot find the snapshot.
        await client.ExecuteNonQueryAsync(
            "ALTER TABLE unit_log_snapshots DELETE WHERE unit_code = {unit:String} SETTINGS mutations_sync = 1", parameters, null, cancellationToken);
    }

    /// <summary>
    /// The names the row holds; one that cannot be read is left out, so the rebuild misses that month,
    /// finds the live segment incomplete and replays the log.
    /// </summary>
    private static List<SealedMonthKey> SealedMonths(object value)
    {
        var keys = new List<SealedMonthKey>();
        foreach (var name in value as IEnumerable<string> ?? [])
        {
            try
            {
                keys.Add(SealedMonthKey.Parse(name));
            }
            catch (FormatException)
            {
                // Left out (see above).
            }
        }

        return keys;
    }

    /// <summary>The snapshot in the row's first seven columns (position, events, taken at, dossiers, petitions, state, sealed months).</summary>
    private static UnitSnapshot Read(System.Data.Common.DbDataReader reader, string unitCode, int format, Decompressor decompressor) =>
        new(
            unitCode,
            format,
            Number(reader.GetValue(0)),
            Number(reader.GetValue(1)),
            DateTimeOffset.FromUnixTimeMilliseconds(Number(reader.GetValue(2))),
            (int)Number(reader.GetValue(3)),
            (int)Number(reader.GetValue(4)),
            decompressor.Unwrap(Convert.FromBase64String(reader.GetString(5))).ToArray(),
            SealedMonths(reader.GetValue(6)));

    private static long Number(object value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
}
