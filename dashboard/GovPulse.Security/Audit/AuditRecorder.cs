using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace GovPulse.Security.Audit;

/// <summary>
/// Writes an audit entry for every use of an audited endpoint (<see cref="AuditedRequest.IsAudited"/>)
/// by a known caller: at, user, role, action, request, address, status, and the size and SHA-256 of
/// the body as sent, hashed while it streams (<see cref="AuditedResponseStream"/>).
/// </summary>
/// <remarks>
/// No audited answer is given without its entry: the entry is stored (awaited) before the answer's
/// last bytes go out. If it cannot be stored, an answer not yet started is replaced by a 503 problem
/// and a started one is cut off (the connection is aborted), so the client never takes a file whose
/// taking was not recorded. What the endpoint did stays done (a key created, a user disabled).
/// A caller who is neither signed in nor named by the endpoint (a sign-in names the username tried)
/// is not recorded: there is no one to record, and a stranger must not be able to fill the log.
/// </remarks>
public sealed partial class AuditRecorder(RequestDelegate next, IAuditLog log, TimeProvider time, ILogger<AuditRecorder> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.GetEndpoint() is not { } endpoint || !AuditedRequest.IsAudited(endpoint))
        {
            await next(http);
            return;
        }

        var at = time.GetUtcNow();
        var original = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        await using var body = new AuditedResponseStream(original.Stream);
        var audited = new StreamResponseBodyFeature(body, original);
        http.Features.Set<IHttpResponseBodyFeature>(audited);
        try
        {
            await next(http);
            await audited.CompleteAsync();
        }
        catch (Exception)
        {
            // The error handler answers 500; the attempt is recorded as such, and the exception goes on.
            http.Features.Set(original);
            if (Record(http, endpoint, at, body, StatusCodes.Status500InternalServerError) is { } failed)
            {
                await TryAppendAsync(failed);
            }

            throw;
        }
        finally
        {
            http.Features.Set(original);
        }

        if (Record(http, endpoint, at, body, http.Response.StatusCode) is not { } answered)
        {
            await body.ReleaseAsync(http.RequestAborted);
            return;
        }

        try
        {
            await log.AppendAsync(answered, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogNotRecorded(ex, LogText.Escape(answered.Action), answered.Status);
            await WithholdAsync(http);
            return;
        }

        await body.ReleaseAsync(http.RequestAborted);
    }

    private static AuditEntry? Record(HttpContext http, Endpoint endpoint, DateTimeOffset at, AuditedResponseStream body, int status) =>
        AuditedRequest.Caller(http) is not var (user, role)
            ? null
            : new AuditEntry(
                at, user, role, AuditedRequest.Action(endpoint, http.Request.Method), AuditedRequest.Line(http.Request),
                AuditedRequest.Address(http), status, body.Written, body.Sha256Hex());

    private async Task TryAppendAsync(AuditEntry entry)
    {
        try
        {
            await log.AppendAsync(entry, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogNotRecorded(ex, LogText.Escape(entry.Action), entry.Status);
        }
    }

    private static async Task WithholdAsync(HttpContext http)
    {
        if (http.Response.HasStarted)
        {
            http.Abort();
            return;
        }

        http.Response.Clear();
        http.Response.Headers.RetryAfter = "5";
        await TypedResults.Problem(
            "The answer was not given because it could not be recorded in the audit log; try again in a moment.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Audit log unavailable").ExecuteAsync(http);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An audit entry could not be stored ({Action}, status {Status}); the answer is withheld or cut off")]
    private partial void LogNotRecorded(Exception exception, string action, int status);
}
