using System.Globalization;
using System.Text.Json;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Notifications.Alerts;

/// <summary>The <c>alert_states</c> table (migration 0019): one row per rule × unit, the latest version wins.</summary>
public sealed class AlertStateStore(ClickHouseDatabase database, TimeProvider time)
{
    private static readonly string[] Columns = ["unit_code", "rule_id", "firing", "since", "state", "changed_at", "version"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every rule's state for <paramref name="unitCode"/>.</summary>
    public async Task<IReadOnlyList<StoredAlertState>> ReadUnitAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("unit", unitCode);
        var states = new List<StoredAlertState>();
        using var reader = await client.ExecuteReaderAsync(
            "SELECT rule_id, state, version FROM alert_states FINAL WHERE unit_code = {unit:String}", parameters, null, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = JsonSerializer.Deserialize<AlertState>(reader.GetString(1), Json) ?? AlertState.Empty;
            states.Add(new StoredAlertState(reader.GetString(0), unitCode, state, Convert.ToUInt64(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        return states;
    }

    /// <summary>Writes a state; returns the version written (above <paramref name="previous"/>).</summary>
    public async Task<ulong> WriteAsync(string ruleId, string unitCode, AlertState state, ulong previous, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = time.GetUtcNow();
        // Above the previous one, and above what an earlier activation elsewhere may have written with its clock.
        var version = Math.Max(previous + 1, (ulong)Math.Max(0, now.ToUnixTimeMilliseconds()));
        var client = await database.GetClientAsync();
        object?[] row =
        [
            unitCode, ruleId, state.IsFiring, state.FiringSince?.UtcDateTime, JsonSerializer.Serialize(state, Json), now.UtcDateTime, version,
        ];
        await client.InsertBinaryAsync("alert_states", Columns, [row!], database.InsertOptions, cancellationToken);
        return version;
    }

    /// <summary>Where the rules are firing, per rule and unit.</summary>
    public async Task<IReadOnlyList<AlertFiring>> FiringAsync(IReadOnlyCollection<string> ruleIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleIds);
        if (ruleIds.Count == 0)
        {
            return [];
        }

        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("rules", ruleIds.ToArray());
        var firing = new List<AlertFiring>();
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT rule_id, unit_code, toUnixTimestamp64Milli(assumeNotNull(since)), state
            FROM alert_states FINAL
            WHERE rule_id IN {rules:Array(String)} AND firing AND since IS NOT NULL
            ORDER BY rule_id, since, unit_code
            """,
            parameters,
            null,
            cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = JsonSerializer.Deserialize<AlertState>(reader.GetString(3), Json) ?? AlertState.Empty;
            firing.Add(new AlertFiring(
                reader.GetString(0),
                reader.GetString(1),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture)),
                state.Firing ? null : state.Dossiers.Count));
        }

        return firing;
    }

    /// <summary>Drops every state of a deleted rule.</summary>
    public async Task DeleteRuleAsync(string ruleId, CancellationToken cancellationToken = default)
    {
        var client = await database.GetClientAsync();
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("rule", ruleId);
        await client.ExecuteNonQueryAsync("DELETE FROM alert_states WHERE rule_id = {rule:String}", parameters, null, cancellationToken);
    }
}
