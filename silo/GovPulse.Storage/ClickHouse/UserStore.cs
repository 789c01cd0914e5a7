using System.Data.Common;
using System.Globalization;
using ClickHouse.Driver.ADO.Parameters;
using ClickHouse.Driver.Utility;

namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The <c>users</c> table (migration 0005). A change is a new row of the user with a higher version;
/// every read here keeps the highest version of each user, as the merge will.
/// </summary>
/// <remarks>
/// Changes read the current row and write the next, one at a time on this node. Two nodes changing
/// one user in the same millisecond, or creating one username at once, are not ordered against each
/// other: users are changed by administrators, rarely, and the later read shows the row that won.
/// </remarks>
public sealed class UserStore(ClickHouseDatabase database) : IUserStore, IDisposable
{
    private static readonly string[] Columns =
        ["username", "display_name", "role", "unit_code", "password_hash", "disabled", "created_at", "changed_at", "version"];

    private const string Latest =
        """
        SELECT username, display_name, role, unit_code, password_hash, disabled,
               toUnixTimestamp64Milli(created_at), toUnixTimestamp64Milli(changed_at), version
        FROM users
        {where}
        ORDER BY username, version DESC
        LIMIT 1 BY username
        """;

    private readonly SemaphoreSlim _changing = new(1, 1);

    public async Task<bool> AddAsync(StoredUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await _changing.WaitAsync(cancellationToken);
        try
        {
            if (await FindAsync(user.Username, cancellationToken) is not null)
            {
                return false;
            }

            var created = Milliseconds(user.CreatedAt);
            await InsertAsync(user with { CreatedAt = created, ChangedAt = created, Version = Math.Max(1, (ulong)created.ToUnixTimeMilliseconds()) }, cancellationToken);
            return true;
        }
        finally
        {
            _changing.Release();
        }
    }

    public async Task<StoredUser?> FindAsync(string username, CancellationToken cancellationToken = default)
    {
        var parameters = new ClickHouseParameterCollection();
        parameters.AddParameter("username", username);
        var found = await ReadAsync("WHERE username = {username:String}", parameters, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<StoredUser>> ListAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync(string.Empty, new ClickHouseParameterCollection(), cancellationToken);

    public async Task<StoredUser?> UpdateAsync(
        string username, Func<StoredUser, StoredUser> change, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _changing.WaitAsync(cancellationToken);
        try
        {
            if (await FindAsync(username, cancellationToken) is not { } current)
            {
                return null;
            }

            var changed = change(current) with { Username = current.Username, CreatedAt = current.CreatedAt, ChangedAt = current.ChangedAt, Version = current.Version };
            if (changed == current)
            {
                return current;
            }

            var when = Milliseconds(at);
            var next = changed with { ChangedAt = when, Version = Math.Max(current.Version + 1, (ulong)Math.Max(0, when.ToUnixTimeMilliseconds())) };
            await InsertAsync(next, cancellationToken);
            return next;
        }
        finally
        {
            _changing.Release();
        }
    }

    public void Dispose() => _changing.Dispose();

    private async Task InsertAsync(StoredUser user, CancellationToken cancellationToken)
    {
        var client = await database.GetClientAsync();
        object?[] row =
        [
            user.Username, user.DisplayName, user.Role, user.UnitCode, user.PasswordHash, user.Disabled,
            user.CreatedAt.UtcDateTime, user.ChangedAt.UtcDateTime, user.Version,
        ];
        await client.InsertBinaryAsync("users", Columns, [row!], database.InsertOptions, cancellationToken);
    }

    private async Task<List<StoredUser>> ReadAsync(string where, ClickHouseParameterCollection parameters, CancellationToken cancellationToken)
    {
        var client = await database.GetClientAsync();
        using var reader = await client.ExecuteReaderAsync(Latest.Replace("{where}", where, StringComparison.Ordinal), parameters, null, cancellationToken);
        var users = new List<StoredUser>();
        while (await reader.ReadAsync(cancellationToken))
        {
            users.Add(Read(reader));
        }

        return users;
    }

    private static StoredUser Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.GetString(4),
        Convert.ToBoolean(reader.GetValue(5), CultureInfo.InvariantCulture),
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture)),
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture)),
        Convert.ToUInt64(reader.GetValue(8), CultureInfo.InvariantCulture));

    private static DateTimeOffset Milliseconds(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
