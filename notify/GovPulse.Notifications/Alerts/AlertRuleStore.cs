using System.Globalization;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Notifications.Alerts;

/// <summary>The <c>alert_rules</c> table (migration 0018). Written only by the rules grain (<see cref="IAlertRulesGrain"/>).</summary>
public sealed class AlertRuleStore(ClickHouseDatabase database)
{
    private static readonly string[] Columns = ["id", "owner", "kind", "unit_code", "threshold", "created_at", "deleted", "version"];

    public Task AddAsync(AlertRule rule, CancellationToken cancellationToken = default) => WriteAsync(rule, deleted: false, version: 1, cancellationToken);

    public Task DeleteAsync(AlertRule rule, CancellationToken cancellationToken = default) => WriteAsync(rule, deleted: true, version: 2, cancellationToken);

    /// <summary>Every rule not deleted, oldest first.</summary>
    public async Task<IReadOnlyList<AlertRule>> ListAsync(CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var rules = new List<AlertRule>();
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT id, owner, kind, unit_code, threshold, toUnixTimestamp64Milli(created_at)
            FROM alert_rules FINAL
            WHERE NOT deleted
            ORDER BY created_at, id
            """,
            new ClickHouseParameterCollection(),
            null,
            cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!AlertKindNames.TryParse(reader.GetString(2), out var kind))
            {
                continue; // a kind this version does not know (written by a newer node): not judged here
            }

            rules.Add(new AlertRule(
                reader.GetString(0),
                reader.GetString(1),
                kind.Value,
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : Normalise(reader.GetDecimal(4)),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture))));
        }

        return rules;
    }

    /// <summary>80.0000 (as Decimal(9, 4) gives it back) as 80: the number the person typed.</summary>
    private static decimal Normalise(decimal value) => value / 1.000000000000000000000000000000000m;

    private async Task WriteAsync(AlertRule rule, bool deleted, ulong version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var client = await database.GetClientAsync();
        object?[] row =
        [
            rule.Id, rule.Owner, rule.Kind.Name(), rule.UnitCode, rule.Threshold, rule.CreatedAt.UtcDateTime, deleted, version,
        ];
        await client.InsertBinaryAsync("alert_rules", Columns, [row!], database.InsertOptions, cancellationToken);
    }
}
