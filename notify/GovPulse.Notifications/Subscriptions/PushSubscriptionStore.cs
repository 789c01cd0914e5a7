using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using GovPulse.Notifications.Push;
using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace GovPulse.Notifications.Subscriptions;

/// <summary>
/// <see cref="IPushSubscriptionStore"/> in ClickHouse (<c>push_subscriptions</c>, migration 0016),
/// shared by every node. The endpoint and the browser's keys are sealed with Data Protection; a
/// subscription's id is derived from its endpoint, so a browser subscribing again replaces its row.
/// </summary>
public sealed class PushSubscriptionStore(ClickHouseDatabase database, IDataProtectionProvider protection, TimeProvider time) : IPushSubscriptionStore
{
    /// <summary>The Data Protection purpose that seals endpoints and keys.</summary>
    public const string Purpose = "GovPulse.Push.Subscription.v1";

    private static readonly string[] Columns =
        ["id", "username", "endpoint_origin", "sealed_keys", "expiration_time", "schedule", "quiet_from", "quiet_to", "language", "created_at", "version", "deleted"];

    private const string Latest =
        """
        SELECT id, username, sealed_keys, toUnixTimestamp64Milli(expiration_time), schedule, quiet_from, quiet_to, language,
               toUnixTimestamp64Milli(created_at), version, deleted
        FROM
        (
            SELECT * FROM push_subscriptions
            {where}
            ORDER BY id, version DESC
            LIMIT 1 BY id
        )
        WHERE NOT deleted
        ORDER BY created_at, id
        """;

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    /// <summary>The id of the subscription with <paramref name="endpoint"/>: <c>ps_</c> and 22 URL-safe characters of its SHA-256 (reveals nothing of it).</summary>
    public static string IdOf(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return "ps_" + WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes("GovPulse push endpoint:" + endpoint)))[..22];
    }

    public async Task AddAsync(PushSubscriptionRecord subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var current = await VersionOfAsync(subscription.Id, cancellationToken);
        await InsertAsync(subscription, Next(current), deleted: false, cancellationToken);
    }

    public async Task<IReadOnlyList<PushSubscriptionRecord>> ListAsync(string? username = null, CancellationToken cancellationToken = default)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("username", username ?? string.Empty);
        var rows = await ReadAsync(username is null ? string.Empty : "WHERE username = {username:String}", parameters, cancellationToken);
        return rows.Select(r => r.Record).ToList();
    }

    public async Task<bool> RemoveAsync(string id, string? username = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("id", id);
        var found = await ReadAsync("WHERE id = {id:String}", parameters, cancellationToken);
        if (found.Count == 0 || (username is not null && !string.Equals(found[0].Record.Username, username, StringComparison.Ordinal)))
        {
            return false;
        }

        await InsertAsync(found[0].Record, Next(found[0].Version), deleted: true, cancellationToken);
        return true;
    }

    private ulong Next(ulong current) => Math.Max(current + 1, (ulong)Math.Max(0, time.GetUtcNow().ToUnixTimeMilliseconds() * 1000));

    private async Task<ulong> VersionOfAsync(string id, CancellationToken cancellationToken)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("id", id);
        var value = await client.ExecuteScalarAsync("SELECT max(version) FROM push_subscriptions WHERE id = {id:String}", parameters, null, cancellationToken);
        return value is null or DBNull ? 0 : Convert.ToUInt64(value, CultureInfo.InvariantCulture);
    }

    private async Task InsertAsync(PushSubscriptionRecord s, ulong version, bool deleted, CancellationToken cancellationToken)
    {
        var client = await database.GetClientAsync();
        var keys = _protector.Protect(JsonSerializer.Serialize(new SealedKeys(s.Endpoint, s.P256dh, s.Auth)));
        object?[] row =
        [
            s.Id, s.Username, PushEndpoint.Origin(s.Endpoint), keys, s.ExpirationTime?.UtcDateTime, DeliverySchedules.Name(s.Schedule),
            s.QuietHours.From.ToString("HH:mm", CultureInfo.InvariantCulture), s.QuietHours.To.ToString("HH:mm", CultureInfo.InvariantCulture),
            s.Language, s.CreatedAt.UtcDateTime, version, deleted,
        ];
        await client.InsertBinaryAsync("push_subscriptions", Columns, [row!], database.InsertOptions, cancellationToken);
    }

    private async Task<List<(PushSubscriptionRecord Record, ulong Version)>> ReadAsync(
        string where, ClickHouseParameterCollection parameters, CancellationToken cancellationToken)
    {
        var client = await database.GetClientAsync();
        using var reader = await client.ExecuteReaderAsync(Latest.Replace("{where}", where, StringComparison.Ordinal), parameters, null, cancellationToken);
        var rows = new List<(PushSubscriptionRecord, ulong)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            SealedKeys? keys;
            try
            {
                keys = JsonSerializer.Deserialize<SealedKeys>(_protector.Unprotect(reader.GetString(2)));
            }
            catch (CryptographicException)
            {
                // Sealed under a key ring this node does not have (another deployment's rows): unusable, skipped.
                continue;
            }

            if (keys is null)
            {
                continue;
            }

            var quiet = QuietHours.TryParse(reader.GetString(5), reader.GetString(6), out var q, out _) ? q : QuietHours.Default;
            var schedule = DeliverySchedules.TryParse(reader.GetString(4), out var d) ? d : DeliverySchedule.Hourly;
            var expiration = reader.IsDBNull(3) ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture));
            var record = new PushSubscriptionRecord(
                reader.GetString(0), reader.GetString(1), keys.Endpoint, keys.P256dh, keys.Auth, expiration, schedule, quiet, reader.GetString(7),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(8), CultureInfo.InvariantCulture)));
            rows.Add((record, Convert.ToUInt64(reader.GetValue(9), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private sealed record SealedKeys(string Endpoint, string P256dh, string Auth);
}
