using System.Globalization;
using GovPulse.Indicators.Periods;
using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace GovPulse.Security.Audit;

/// <summary>
/// <c>GET /api/v1/admin/audit</c> (admins): the audit log, newest first, by time range and user, as
/// JSON or as a CSV file. Read-only: nothing in the API changes or deletes an entry.
/// </summary>
public static class AuditApi
{
    public const int DefaultLimit = 1_000;
    public const int MaxLimit = 100_000;

    /// <param name="admin">The <c>/api/v1/admin</c> group.</param>
    /// <param name="adminPolicy">The authorization policy of the admin role.</param>
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder admin, string adminPolicy)
    {
        ArgumentNullException.ThrowIfNull(admin);
        admin.MapGet("/audit", List)
            .RequireAuthorization(adminPolicy)
            .Audited()
            .WithName("ListAuditEntries")
            .WithSummary("The audit log, newest first: who used an export, an explanation, sign-in or an admin endpoint, when, from where, and the answer's size and SHA-256 (admins; format=csv to export)")
            .WithTags("Admin");
        return admin;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntryView>>, PushStreamHttpResult, ProblemHttpResult>> List(
        string? from, string? to, string? user, string? limit, string? format, IAuditLog log, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = AuditInstant.Parse("from", from, end: false, out var fromProblem);
        var end = AuditInstant.Parse("to", to, end: true, out var toProblem);
        var problems = new List<string>();
        problems.AddRange(new[] { fromProblem, toProblem }.OfType<string>());
        if (start is { } s && end is { } e && e <= s)
        {
            problems.Add("to must be after from");
        }

        var count = DefaultLimit;
        if (limit is { Length: > 0 } && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxLimit))
        {
            problems.Add($"limit '{EchoedInput.Cut(limit)}' must be a whole number from 1 to {MaxLimit} (default {DefaultLimit})");
        }

        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (format is { Length: > 0 } && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"format '{EchoedInput.Cut(format)}' must be json (the default) or csv");
        }

        if (problems.Count > 0)
        {
            return TypedResults.Problem(string.Join("; ", problems), statusCode: StatusCodes.Status400BadRequest, title: "The audit request is not valid");
        }

        var entries = (await log.ReadAsync(new AuditQuery(start, end, string.IsNullOrWhiteSpace(user) ? null : user.Trim(), count), cancellationToken))
            .Select(AuditEntryView.Of)
            .ToList();
        if (!csv)
        {
            return TypedResults.Ok<IReadOnlyList<AuditEntryView>>(entries);
        }

        var day = VietnamTime.LocalDate(time.GetUtcNow()).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return TypedResults.Stream(
            stream => AuditCsv.WriteAsync(stream, entries, cancellationToken),
            AuditCsv.ContentType,
            $"audit-log-{day}.csv");
    }
}
