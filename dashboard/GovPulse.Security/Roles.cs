namespace GovPulse.Security;

/// <summary>
/// What a signed-in person may do (api-v1 §2): a leader reads everything, city-wide; a department
/// head reads their own unit; an auditor reads (and exports) everything; an admin reads everything
/// and manages users, keys and the node.
/// </summary>
public static class Roles
{
    public const string Leader = "leader";
    public const string DepartmentHead = "departmentHead";
    public const string Auditor = "auditor";

    /// <summary>The same role the bootstrap API key holds (<c>ApiKeyAuthenticationHandler.AdminRole</c>).</summary>
    public const string Admin = Keys.ApiKeyAuthenticationHandler.AdminRole;

    public static IReadOnlyList<string> All { get; } = [Leader, DepartmentHead, Auditor, Admin];

    /// <summary>The role as written in the API (exact case), or null.</summary>
    public static string? Parse(string? text) => All.FirstOrDefault(r => string.Equals(r, text, StringComparison.Ordinal));
}

/// <summary>Claims of a signed-in person, beside <c>ClaimTypes.Name</c> (username) and <c>ClaimTypes.Role</c>.</summary>
public static class PersonClaims
{
    /// <summary>The unit of a department head.</summary>
    public const string Unit = "govpulse:unit";

    /// <summary>The user's version when the session began: any later change of the user (disabled, new password, new role) ends the session.</summary>
    public const string UserVersion = "govpulse:user-version";
}
