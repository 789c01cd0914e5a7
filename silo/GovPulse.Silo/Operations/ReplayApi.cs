using System.Collections.Immutable;
using GovPulse.Grains;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Units;
using GovPulse.Storage.ClickHouse;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GovPulse.Silo.Operations;

/// <summary>
/// <c>POST /api/v1/admin/replay</c>: re-applies a unit's stored events of a time range to its grain
/// (what a missed delivery would have brought), or rebuilds the unit from every event, ignoring
/// snapshots (after a change to what events mean). One unit per call, so a tool can show progress
/// and stop and resume anywhere; <c>govpulse replay</c> walks all units.
/// </summary>
public static class ReplayApi
{
    private const int Batch = 5_000;

    public static RouteGroupBuilder MapReplayApi(this RouteGroupBuilder admin)
    {
        admin.MapPost("/replay", Replay).RequireAuthorization(OperationsRegistration.AdminPolicy).DisableAntiforgery()
            .WithName("ReplayEvents")
            .WithSummary("Re-applies a unit's stored events of a time range to its grain, or rebuilds the unit from every event (admins)")
            .WithTags("Admin");
        return admin;
    }

    private static async Task<Results<Ok<ReplayResult>, ProblemHttpResult>> Replay(
        ReplayRequest request, UnitDirectory units, IEventStore store, IUnitSnapshotStore snapshots, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (request.UnitCode is not { Length: > 0 } code || !units.Contains(code))
        {
            return Problem($"unitCode '{request.UnitCode}' is not a known unit; GET /api/v1/units lists them");
        }

        var grain = grains.GetGrain<IUnitGrain>(code);
        if (request.Rebuild)
        {
            await snapshots.DeleteAsync(code, cancellationToken);
            var status = await grain.Rebuild();
            return TypedResults.Ok(new ReplayResult(code, status.ReplayedEvents, 0, Rebuilt: true));
        }

        if (request.From is not { } from || request.To is not { } to || to <= from)
        {
            return Problem("from and to must be ISO 8601 times with offset, from before to (or set rebuild to true to replay everything)");
        }

        var events = 0;
        var changed = 0;
        var batch = new List<UnitEvent>(Batch);
        await foreach (var e in store.ReadUnitRangeAsync(code, from, to, cancellationToken))
        {
            batch.Add(e);
            events++;
            if (batch.Count == Batch)
            {
                changed += (await grain.Reapply(batch.ToImmutableArray())).Changed;
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            changed += (await grain.Reapply(batch.ToImmutableArray())).Changed;
        }

        return TypedResults.Ok(new ReplayResult(code, events, changed, Rebuilt: false));
    }

    private static ProblemHttpResult Problem(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The replay request is not valid");
}

/// <summary>Which unit to replay, and which events: those that occurred in [From, To), or every event when Rebuild.</summary>
public sealed record ReplayRequest(string? UnitCode, DateTimeOffset? From, DateTimeOffset? To, bool Rebuild);

/// <summary>Events read, how many changed the unit (0 for a rebuild, which replaces the state), and whether it was a rebuild.</summary>
public sealed record ReplayResult(string UnitCode, int Events, int Changed, bool Rebuilt);
