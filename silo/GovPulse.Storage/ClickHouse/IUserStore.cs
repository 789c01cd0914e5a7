namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// The <c>users</c> table: people who sign in, by username, with their role, unit, password hash
/// (never the password) and whether they are disabled. Each change is a new row with a higher version.
/// </summary>
public interface IUserStore
{
    /// <summary>Stores a new user; false (and nothing stored) when the username is taken.</summary>
    Task<bool> AddAsync(StoredUser user, CancellationToken cancellationToken = default);

    /// <summary>The user with that username (as stored: lower case), disabled or not; null when there is none.</summary>
    Task<StoredUser?> FindAsync(string username, CancellationToken cancellationToken = default);

    /// <summary>Every user, disabled ones included, by username.</summary>
    Task<IReadOnlyList<StoredUser>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="change"/> of the current user at <paramref name="at"/> (a new version) and
    /// returns the user as changed; null when no user has that username. A change that changes nothing
    /// stores nothing and returns the user as it is.
    /// </summary>
    Task<StoredUser?> UpdateAsync(string username, Func<StoredUser, StoredUser> change, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>A stored user.</summary>
/// <param name="Username">Lower case; the key.</param>
/// <param name="Role"><c>leader</c>, <c>departmentHead</c>, <c>auditor</c> or <c>admin</c>.</param>
/// <param name="UnitCode">The unit of a <c>departmentHead</c>; null for the other roles.</param>
/// <param name="PasswordHash">ASP.NET Core Identity's PasswordHasher output (PBKDF2), never the password.</param>
/// <param name="Version">Orders the rows of one user; set by the store.</param>
public sealed record StoredUser(
    string Username,
    string DisplayName,
    string Role,
    string? UnitCode,
    string PasswordHash,
    bool Disabled,
    DateTimeOffset CreatedAt,
    DateTimeOffset ChangedAt,
    ulong Version = 0)
{
    /// <summary>Never the hash: records print themselves in logs and test failures.</summary>
    public override string ToString() =>
        $"StoredUser {{ Username = {Username}, DisplayName = {DisplayName}, Role = {Role}, UnitCode = {UnitCode}, Disabled = {Disabled}, Version = {Version} }}";
}
