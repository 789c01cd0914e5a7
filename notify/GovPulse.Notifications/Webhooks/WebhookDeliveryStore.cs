using System.Data.Common;
using System.Globalization;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Notifications.Webhooks;

/// <summary>
/// The <c>webhook_deliveries</c> table (migration 0023): the outbox and the dead letters. A change is a
/// new row with a higher version; reads keep the highest version of each webhook × notice.
/// </summary>
public sealed class WebhookDeliveryStore(ClickHouseDatabase database)
{
    private static readonly string[] Columns =
        ["webhook_id", "notice_id", "delivery_id", "kind", "body", "status", "attempts", "last_error", "enqueued_at", "due_from", "changed_at", "version"];

    private const string Latest =
        """
        SELECT webhook_id, notice_id, delivery_id, kind, body, status, attempts, last_error,
               toUnixTimestamp64Milli(enqueued_at), toUnixTimestamp64Milli(due_from), toUnixTimestamp64Milli(changed_at), version
        FROM
        (
            SELECT * FROM webhook_deliveries
            {where}
            ORDER BY webhook_id, notice_id, version DESC
            LIMIT 1 BY webhook_id, notice_id
        )
        {status}
        {order}
        """;

    /// <summary>Writes the deliveries whose webhook × notice is not stored yet; returns how many it wrote.</summary>
    public async Task<int> AddMissingAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count == 0)
        {
            return 0;
        }

        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("ids", deliveries.Select(d => d.DeliveryId).ToArray());
        var stored = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = await client.ExecuteReaderAsync(
            "SELECT DISTINCT delivery_id FROM webhook_deliveries WHERE delivery_id IN {ids:Array(String)}", parameters, null, cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored.Add(reader.GetString(0));
            }
        }

        var missing = deliveries.Where(d => !stored.Contains(d.DeliveryId)).ToList();
        await SaveAsync(missing, cancellationToken);
        return missing.Count;
    }

    public async Task SaveAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        if (deliveries.Count == 0)
        {
            return;
        }

        var client = await database.GetClientAsync();
        var rows = deliveries.Select(d => new object[]
        {
            d.WebhookId, d.NoticeId, d.DeliveryId, d.Kind, d.Body, StatusName(d.Status), (uint)d.Attempts, d.LastError,
            d.EnqueuedAt.UtcDateTime, d.DueFrom.UtcDateTime, d.ChangedAt.UtcDateTime, d.Version,
        });
        await client.InsertBinaryAsync("webhook_deliveries", Columns, rows, database.InsertOptions, cancellationToken);
    }

    /// <summary>A webhook's outbox in the order it was filled: the oldest first.</summary>
    public Task<List<WebhookDelivery>> PendingAsync(string webhookId, int limit, CancellationToken cancellationToken = default)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("webhook", webhookId);
        return ReadAsync(
            "WHERE webhook_id = {webhook:String}", "WHERE status = 'pending'", $"ORDER BY enqueued_at, notice_id LIMIT {limit:D}", parameters, cancellationToken);
    }

    /// <summary>Dead letters, the most recent first; of one webhook, or of all.</summary>
    public Task<List<WebhookDelivery>> DeadAsync(string? webhookId, int limit, CancellationToken cancellationToken = default)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("webhook", webhookId ?? string.Empty);
        return ReadAsync(
            webhookId is null ? string.Empty : "WHERE webhook_id = {webhook:String}",
            "WHERE status = 'dead'",
            $"ORDER BY changed_at DESC, delivery_id LIMIT {limit:D}",
            parameters,
            cancellationToken);
    }

    /// <summary>The delivery with this id (as <c>X-GovPulse-Delivery</c> and the dead letters show it), or null.</summary>
    public async Task<WebhookDelivery?> FindAsync(string deliveryId, CancellationToken cancellationToken = default)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("id", deliveryId);
        var found = await ReadAsync("WHERE delivery_id = {id:String}", string.Empty, string.Empty, parameters, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    private async Task<List<WebhookDelivery>> ReadAsync(
        string where, string status, string order, ClickHouseParameterCollection parameters, CancellationToken cancellationToken)
    {
        var client = await database.GetClientAsync();
        var sql = Latest.Replace("{where}", where, StringComparison.Ordinal)
            .Replace("{status}", status, StringComparison.Ordinal)
            .Replace("{order}", order, StringComparison.Ordinal);
        using var reader = await client.ExecuteReaderAsync(sql, parameters, null, cancellationToken);
        var deliveries = new List<WebhookDelivery>();
        while (await reader.ReadAsync(cancellationToken))
        {
            deliveries.Add(Read(reader));
        }

        return deliveries;
    }

    private static WebhookDelivery Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        Enum.Parse<WebhookDeliveryStatus>(reader.GetString(5), ignoreCase: true),
        Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
        reader.GetString(7),
        Milliseconds(reader.GetValue(8)),
        Milliseconds(reader.GetValue(9)),
        Milliseconds(reader.GetValue(10)),
        Convert.ToUInt32(reader.GetValue(11), CultureInfo.InvariantCulture));

    private static string StatusName(WebhookDeliveryStatus status) => status.ToString().ToLowerInvariant();

    private static DateTimeOffset Milliseconds(object value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture));
}
