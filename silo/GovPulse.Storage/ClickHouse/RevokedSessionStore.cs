using System.Globalization;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;

namespace GovPulse.Storage.ClickHouse;

/// <summary>The <c>revoked_sessions</c> table (migration 0010).</summary>
public sealed class RevokedSessionStore(ClickHouseDatabase database) : IRevokedSessionStore
{
    private static readonly string[] Columns = ["session_id", "revoked_at", "expires_at"];

    public async Task AddAsync(RevokedSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var client = await database.GetClientAsync();
        object[] row = [session.Id, session.RevokedAt.UtcDateTime, session.ExpiresAt.UtcDateTime];
        await client.InsertBinaryAsync("revoked_sessions", Columns, [row], database.InsertOptions, cancellationToken);
    }

    public async Task<IReadOnlyList<RevokedSession>> ListAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // The TTL drops an expired row only at a merge: the filter keeps them out until then.
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("now", now.ToUnixTimeMilliseconds());
        var client = await database.GetClientAsync();
        using var reader = await client.ExecuteReaderAsync(
            """
            SELECT session_id, toUnixTimestamp64Milli(min(revoked_at)), toUnixTimestamp64Milli(max(expires_at))
            FROM revoked_sessions
            WHERE expires_at > fromUnixTimestamp64Milli({now:Int64}, 'UTC')
            GROUP BY session_id
            ORDER BY session_id
            """,
            parameters,
            null,
            cancellationToken);
        var sessions = new List<RevokedSession>();
        while (await reader.ReadAsync(cancellationToken))
        {
            sessions.Add(new RevokedSession(
                reader.GetString(0),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)),
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture))));
        }

        return sessions;
    }
}
