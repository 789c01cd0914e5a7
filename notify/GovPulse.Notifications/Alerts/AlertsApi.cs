using System.Security.Claims;
using System.Text.Json;
using GovPulse.Grains;
using GovPulse.Indicators.Units;
using GovPulse.Notifications.Limits;
using GovPulse.Security;
using GovPulse.Security.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace GovPulse.Notifications.Alerts;

/// <summary>
/// <c>GET|POST /api/v1/alerts</c>, <c>DELETE /api/v1/alerts/{id}</c>: the signed-in person's alert
/// rules. A rule may watch only what its owner may read: figures (every signed-in role reads every
/// unit's) for bandDrop, onTimeBelow and overdueAbove; dossiers (a department head: their own unit
/// only) for dossierOverdue.
/// </summary>
public static class AlertsApi
{
    /// <summary>A rule is a kind, a unit code and a number: 4 KiB is ample.</summary>
    public const int MaxBodyBytes = 4 * 1024;

    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts").RequireAuthorization(AccessPolicies.Person);
        alerts.MapGet(string.Empty, List)
            .WithName("ListAlerts")
            .WithSummary("The signed-in person's alert rules, each with where it is firing now");
        alerts.MapPost(string.Empty, Create)
            .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .RequireRateLimiting(PersonChangeRateLimit.PolicyName)
            .WithName("CreateAlert")
            .WithSummary("Sets an alert rule: a band drop, an on-time ratio below X %, overdue dossiers above N, or a dossier turning overdue")
            .Accepts<AlertRequest>("application/json");
        alerts.MapDelete("/{id}", Delete)
            .RequireRateLimiting(PersonChangeRateLimit.PolicyName)
            .WithName("DeleteAlert")
            .WithSummary("Deletes one of the signed-in person's alert rules, with its state (no 'cleared' notice follows)");
        return api;
    }

    private static async Task<Ok<List<AlertView>>> List(ClaimsPrincipal user, IGrainFactory grains, AlertStateStore states, CancellationToken cancellationToken)
    {
        var rules = await Rules(grains).OwnedBy(Owner(user));
        var firing = await states.FiringAsync([.. rules.Select(r => r.Id)], cancellationToken);
        return TypedResults.Ok(rules.Select(r => AlertView.Of(r, firing)).ToList());
    }

    private static async Task<Results<Created<AlertView>, ProblemHttpResult>> Create(
        HttpContext http, IGrainFactory grains, UnitDirectory units, UnitAccess access, ScoringClock clock, IOptions<AlertsOptions> options, CancellationToken cancellationToken)
    {
        AlertRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<AlertRequest>(cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            request = null;
        }

        if (request is null)
        {
            return BadRequest("The body must be JSON: {\"kind\": \"bandDrop\"|\"onTimeBelow\"|\"overdueAbove\"|\"dossierOverdue\", \"unitCode\": \"26737\" or null, \"threshold\": number or absent}.");
        }

        if (!AlertKindNames.TryParse(request.Kind, out var parsed))
        {
            return BadRequest($"kind '{EchoedInput.Cut(request.Kind)}' is not one of {AlertKindNames.Choices}.");
        }

        var kind = parsed.Value;
        if (ThresholdProblem(kind, request.Threshold) is { } thresholdProblem)
        {
            return BadRequest(thresholdProblem);
        }

        var user = http.User;
        var readKind = kind.IsFigures() ? ReadKind.Figures : ReadKind.Dossiers;
        var unitCode = request.UnitCode;
        if (unitCode is null && kind == AlertKind.DossierOverdue)
        {
            // "My unit's dossiers": a department head's own unit; others must say which unit.
            unitCode = user.FindFirst(PersonClaims.Unit)?.Value;
            if (unitCode is null)
            {
                return BadRequest("dossierOverdue without a unitCode watches your own unit, and this account has none: give the unitCode of a commune or a department.");
            }
        }

        if (unitCode is null)
        {
            if (access.CityWideRefusalOf(user, ReadKind.Figures) is { } refusal)
            {
                return Forbidden(refusal);
            }
        }
        else
        {
            if (units.Find(unitCode) is not { } unit)
            {
                return BadRequest($"unit '{EchoedInput.Cut(unitCode)}' is not a known unit; GET /api/v1/units lists them.");
            }

            if (kind == AlertKind.DossierOverdue && UnitDirectory.IsPooled(unit))
            {
                return BadRequest("The city has no dossiers of its own: set dossierOverdue on a commune or a department.");
            }

            if (access.RefusalOf(user, unitCode, readKind) is { } refusal)
            {
                return Forbidden(refusal);
            }
        }

        var rule = new AlertRule(AlertRule.NewId(), Owner(user), kind, unitCode, request.Threshold, clock.Now);
        var cap = options.Value.MaxRulesPerPerson;
        if (!await Rules(grains).TryAdd(rule, cap))
        {
            return TypedResults.Problem(
                $"You already have {cap} alert rules, the most one person may have; delete one first.", statusCode: StatusCodes.Status409Conflict, title: "Too many alert rules");
        }

        return TypedResults.Created($"/api/v1/alerts/{rule.Id}", AlertView.Of(rule, []));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, ClaimsPrincipal user, IGrainFactory grains, AlertStateStore states, CancellationToken cancellationToken)
    {
        if (await Rules(grains).Remove(Owner(user), id) is null)
        {
            return TypedResults.Problem($"You have no alert rule '{EchoedInput.Cut(id)}'.", statusCode: StatusCodes.Status404NotFound, title: "No such alert rule");
        }

        // The unit grains drop their copy when they next ask for their rules; the stored rows go now.
        await states.DeleteRuleAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Why the threshold does not fit the kind; null when it does.</summary>
    public static string? ThresholdProblem(AlertKind kind, decimal? threshold) => kind switch
    {
        AlertKind.OnTimeBelow when threshold is not { } x => "onTimeBelow needs a threshold: the percent (0–100) the on-time ratio must not fall below.",
        AlertKind.OnTimeBelow when threshold is < 0m or > 100m => $"threshold {threshold} is not a percent in 0–100.",
        AlertKind.OnTimeBelow when decimal.Round(threshold!.Value, 2) != threshold => $"threshold {threshold} has more than 2 decimals (ratios are shown with 2).",
        AlertKind.OverdueAbove when threshold is null => "overdueAbove needs a threshold: the number of overdue dossiers (a whole number ≥ 0) to exceed.",
        AlertKind.OverdueAbove when threshold < 0m || threshold > 1_000_000m || decimal.Truncate(threshold!.Value) != threshold => $"threshold {threshold} is not a whole number in 0–1000000.",
        AlertKind.BandDrop or AlertKind.DossierOverdue when threshold is not null => $"{kind.Name()} takes no threshold.",
        _ => null,
    };

    private static IAlertRulesGrain Rules(IGrainFactory grains) => grains.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key);

    private static string Owner(ClaimsPrincipal user) =>
        user.Identity?.Name ?? throw new InvalidOperationException("The person policy admitted a caller without a name.");

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The alert rule is not valid");

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed");

}
