using GovPulse.Indicators.Periods;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Security.Users;

/// <summary>A user as the admin API shows it: never the password or its hash. Times in Vietnam time.</summary>
public sealed record UserView(
    string Username, string DisplayName, string Role, string? UnitCode, bool Disabled, DateTimeOffset CreatedAt, DateTimeOffset ChangedAt)
{
    public static UserView Of(StoredUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.Username, user.DisplayName, user.Role, user.UnitCode, user.Disabled, VietnamTime.ToLocal(user.CreatedAt), VietnamTime.ToLocal(user.ChangedAt));
    }
}
