using System.Security.Cryptography;
using System.Text;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using ZstdSharp;

namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// Sealed months in ClickHouse, compressed with zstd and kept as base64 text like unit snapshots. A row
/// whose bytes cannot be decompressed or do not hash to its key is treated as not stored, so the
/// reader falls back to the log instead of trusting damaged figures. Read back decoded by the engine
/// (<c>tryBase64Decode</c>) and as bytes (<see cref="ClickHouseDatabase.GetByteStringClientAsync"/>):
/// a year of the city's sealed months is 66 MB of base64, which as .NET strings was twice that again.
/// </summary>
public sealed class SealedMonthStore(ClickHouseDatabase database) : ISealedMonthStore
{
    private const int CompressionLevel = 3;
    private static readonly string[] Columns = ["unit_code", "month", "sha256", "dossiers", "petitions", "saved_at", "state"];

    public async Task SaveAsync(IReadOnlyList<StoredSealedMonth> months, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(months);
        if (months.Count == 0)
        {
            return;
        }

        using var compressor = new Compressor(CompressionLevel);
        var rows = months.Select(m => new object[]
        {
            m.UnitCode, m.Key.Month.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), m.Key.Sha256, (uint)m.Dossiers, (uint)m.Petitions,
            m.SavedAt.UtcDateTime, Convert.ToBase64String(compressor.Wrap(m.State.Span)),
        }).ToList();
        var client = await database.GetClientAsync();
        await client.InsertBinaryAsync("unit_sealed_months", Columns, rows, database.InsertOptions, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredSealedMonth>> ReadAsync(
        string unitCode, IReadOnlyCollection<SealedMonthKey> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        var wanted = keys.ToHashSet();
        var client = await database.GetByteStringClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        parameters.AddParameter("shas", wanted.Select(k => k.Sha256).Distinct(StringComparer.Ordinal).ToArray());
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT toYear(month), toMonth(month), sha256, dossiers, petitions, toUnixTimestamp64Milli(saved_at), tryBase64Decode(state) FROM unit_sealed_months
            WHERE unit_code = {unit:String} AND sha256 IN {shas:Array(String)}
            """,
            parameters,
            null,
            cancellationToken);
        var found = new Dictionary<SealedMonthKey, StoredSealedMonth>();
        using var decompressor = new Decompressor();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Read(reader, unitCode, wanted, found, decompressor) is { } month)
            {
                found.Add(month.Key, month);
            }
        }

        return [.. found.Values.OrderBy(m => m.Key.Month)];
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<StoredSealedMonth>>> ReadAllAsync(
        IReadOnlyDictionary<string, IReadOnlyCollection<SealedMonthKey>> keysByUnit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keysByUnit);
        var wanted = keysByUnit.Where(u => u.Value.Count > 0).ToDictionary(u => u.Key, u => u.Value.ToHashSet(), StringComparer.Ordinal);
        var found = wanted.ToDictionary(u => u.Key, _ => new Dictionary<SealedMonthKey, StoredSealedMonth>(), StringComparer.Ordinal);
        if (wanted.Count > 0)
        {
            var client = await database.GetByteStringClientAsync();
            // Every row goes by, but only the named ones are decompressed and kept.
            using var reader = await client.ExecuteReaderAsync(
                "SELECT toYear(month), toMonth(month), sha256, dossiers, petitions, toUnixTimestamp64Milli(saved_at), tryBase64Decode(state), unit_code FROM unit_sealed_months",
                null,
                null,
                cancellationToken);
            using var decompressor = new Decompressor();
            while (await reader.ReadAsync(cancellationToken))
            {
                var unitCode = Text(reader.GetValue(7));
                if (wanted.TryGetValue(unitCode, out var keys) && Read(reader, unitCode, keys, found[unitCode], decompressor) is { } month)
                {
                    found[unitCode].Add(month.Key, month);
                }
            }
        }

        return found.ToDictionary(u => u.Key, u => (IReadOnlyList<StoredSealedMonth>)[.. u.Value.Values.OrderBy(m => m.Key.Month)], StringComparer.Ordinal);
    }

    public async Task DeleteAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        await client.ExecuteNonQueryAsync(
            "ALTER TABLE unit_sealed_months DELETE WHERE unit_code = {unit:String} SETTINGS mutations_sync = 1", parameters, null, cancellationToken);
    }

    /// <summary>
    /// The sealed month in the row's first seven columns (year, month, sha256, dossiers, petitions, saved
    /// at, state) when <paramref name="wanted"/> names it, it is not in <paramref name="found"/> yet and
    /// its bytes are whole; else null.
    /// </summary>
    private static StoredSealedMonth? Read(
        System.Data.Common.DbDataReader reader, string unitCode, HashSet<SealedMonthKey> wanted, Dictionary<SealedMonthKey, StoredSealedMonth> found, Decompressor decompressor)
    {
        var key = new SealedMonthKey(new DateOnly((int)Number(reader.GetValue(0)), (int)Number(reader.GetValue(1)), 1), Text(reader.GetValue(2)));
        if (!wanted.Contains(key) || found.ContainsKey(key) || Unwrap(decompressor, (byte[])reader.GetValue(6), key) is not { } state)
        {
            return null;
        }

        return new StoredSealedMonth(
            unitCode,
            key,
            (int)Number(reader.GetValue(3)),
            (int)Number(reader.GetValue(4)),
            DateTimeOffset.FromUnixTimeMilliseconds(Number(reader.GetValue(5))),
            state);
    }

    /// <summary>The row's bytes when they decompress and hash to its key; null when the row is damaged.</summary>
    /// <remarks>Text that was not base64 reaches here empty (<c>tryBase64Decode</c>), which does not decompress.</remarks>
    private static byte[]? Unwrap(Decompressor decompressor, byte[] compressed, SealedMonthKey key)
    {
        byte[] state;
        try
        {
            state = decompressor.Unwrap(compressed).ToArray();
        }
        catch (ZstdException)
        {
            return null;
        }

        return Convert.ToHexStringLower(SHA256.HashData(state)) == key.Sha256 ? state : null;
    }

    /// <summary>A text column read by the byte-string client.</summary>
    private static string Text(object value) => value as string ?? Encoding.UTF8.GetString((byte[])value);

    private static long Number(object value) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
}
