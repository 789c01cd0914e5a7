using System.Text.RegularExpressions;
using GovPulse.Indicators.Units;

namespace GovPulse.Security.Users;

/// <summary>What makes a user valid: a username, a display name, a role, a unit for a department head, a password by the policy.</summary>
public static partial class UserRules
{
    public const int MaxDisplayNameLength = 200;

    /// <summary>The username as stored and compared: trimmed, lower case.</summary>
    public static string Normalise(string? username) => (username ?? string.Empty).Trim().ToLowerInvariant();

    public static bool IsUsername(string normalised) => UsernameShape().IsMatch(normalised);

    /// <summary>Every problem of a new user, each a sentence naming the field; empty when it is valid.</summary>
    public static List<string> Check(NewUserRequest? request, UnitDirectory units, out string username, out string displayName, out string role, out string? unitCode)
    {
        ArgumentNullException.ThrowIfNull(units);
        var problems = new List<string>();
        username = Normalise(request?.Username);
        if (username.Length == 0)
        {
            problems.Add("username is missing; expected 3 to 64 letters a-z, digits, '.', '_' or '-', e.g. nguyen.van.an");
        }
        else if (!IsUsername(username))
        {
            problems.Add($"username '{EchoedInput.Cut(username)}' is not a username; expected 3 to 64 letters a-z, digits, '.', '_' or '-', starting with a letter or digit, e.g. nguyen.van.an");
        }

        displayName = request?.DisplayName?.Trim() ?? string.Empty;
        if (displayName.Length == 0)
        {
            problems.Add("displayName is missing; give the person's name as the dashboard should show it, e.g. \"Nguyễn Văn An\"");
        }
        else if (displayName.Length > MaxDisplayNameLength)
        {
            problems.Add($"displayName is {displayName.Length} characters long; at most {MaxDisplayNameLength} are allowed");
        }
        else if (VisibleText.ProblemWith("displayName", displayName) is { } invisible)
        {
            problems.Add(invisible);
        }

        role = Roles.Parse(request?.Role) ?? string.Empty;
        if (role.Length == 0)
        {
            problems.Add(request?.Role is null
                ? $"role is missing; expected one of {string.Join(", ", Roles.All)}"
                : $"role '{EchoedInput.Cut(request.Role)}' is not one of {string.Join(", ", Roles.All)}");
        }

        unitCode = string.IsNullOrWhiteSpace(request?.UnitCode) ? null : request.UnitCode.Trim();
        if (role == Roles.DepartmentHead)
        {
            if (unitCode is null)
            {
                problems.Add("unitCode is missing; a departmentHead reads one unit: give its code (a department such as so-tu-phap, or a commune such as 26737; GET /api/v1/units lists them)");
            }
            else if (unitCode == UnitDirectory.HoChiMinhCityCode)
            {
                problems.Add($"unitCode '{unitCode}' is the city as a whole; a departmentHead heads one department or commune (for the whole city, make a leader)");
            }
            else if (!units.Contains(unitCode))
            {
                problems.Add($"unitCode '{EchoedInput.Cut(unitCode)}' is not a known unit; GET /api/v1/units lists the codes");
            }
        }
        else if (unitCode is not null && role.Length > 0)
        {
            problems.Add($"unitCode is only for a departmentHead; a {role} reads every unit (omit unitCode or send null)");
        }

        if (Passwords.ProblemWith(request?.Password, username, displayName) is { } password)
        {
            problems.Add(password);
        }

        return problems;
    }


    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex UsernameShape();
}
