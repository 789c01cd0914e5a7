namespace GovPulse.Security.Users;

/// <summary>A user to create. Prints without its password.</summary>
public sealed record NewUserRequest(string? Username, string? DisplayName, string? Role, string? UnitCode, string? Password)
{
    public override string ToString() => $"NewUserRequest {{ Username = {Username}, DisplayName = {DisplayName}, Role = {Role}, UnitCode = {UnitCode} }}";
}

/// <summary>A new password for a user. Prints without it.</summary>
public sealed record NewPasswordRequest(string? Password)
{
    public override string ToString() => "NewPasswordRequest { }";
}
