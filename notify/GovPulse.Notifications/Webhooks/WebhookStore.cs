using System.Data.Common;
using System.Globalization;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Notifications.Webhooks;

/// <summary>The <c>webhooks</c> table (migration 0022): every change is a new row with a higher version; reads keep the highest.</summary>
public sealed class WebhookStore(ClickHouseDatabase database)
{
    private static readonly string[] Columns =
        ["webhook_id", "url", "kinds", "description", "secret", "created_at", "disabled_reason", "removed", "changed_at", "version"];

    private const string Latest =
        """
        SELECT webhook_id, url, kinds, description, secret, toUnixTimestamp64Milli(created_at),
               disabled_reason, removed, toUnixTimestamp64Milli(changed_at), version
        FROM webhooks
        {where}
        ORDER BY webhook_id, version DESC
        LIMIT 1 BY webhook_id
        """;

    public async Task SaveAsync(Webhook webhook, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var client = await database.GetClientAsync();
        object?[] row =
        [
            webhook.Id, webhook.Url.AbsoluteUri, webhook.Kinds.ToArray(), webhook.Description, webhook.ProtectedSecret,
            webhook.CreatedAt.UtcDateTime, webhook.DisabledReason, webhook.Removed, webhook.ChangedAt.UtcDateTime, webhook.Version,
        ];
        await client.InsertBinaryAsync("webhooks", Columns, [row!], database.InsertOptions, cancellationToken);
    }

    public async Task<Webhook?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("id", id);
        var found = await ReadAsync("WHERE webhook_id = {id:String}", parameters, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Every webhook not removed, oldest first (disabled ones too).</summary>
    public async Task<IReadOnlyList<Webhook>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await ReadAsync(string.Empty, new ClickHouseParameterCollection(), cancellationToken);
        return [.. all.Where(w => !w.Removed).OrderBy(w => w.CreatedAt).ThenBy(w => w.Id, StringComparer.Ordinal)];
    }

    private async Task<List<Webhook>> ReadAsync(string where, ClickHouseParameterCollection parameters, CancellationToken cancellationToken)
    {
        var client = await database.GetClientAsync();
        using var reader = await client.ExecuteReaderAsync(Latest.Replace("{where}", where, StringComparison.Ordinal), parameters, null, cancellationToken);
        var webhooks = new List<Webhook>();
        while (await reader.ReadAsync(cancellationToken))
        {
            webhooks.Add(Read(reader));
        }

        return webhooks;
    }

    private static Webhook Read(DbDataReader reader) => new(
        reader.GetString(0),
        new Uri(reader.GetString(1)),
        reader.GetValue(2) is IEnumerable<string> kinds ? [.. kinds] : [],
        reader.GetString(3),
        reader.GetString(4),
        Milliseconds(reader.GetValue(5)),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        Convert.ToBoolean(reader.GetValue(7), CultureInfo.InvariantCulture),
        Milliseconds(reader.GetValue(8)),
        Convert.ToUInt32(reader.GetValue(9), CultureInfo.InvariantCulture));

    private static DateTimeOffset Milliseconds(object value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture));
}
