using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GovPulse.Security.SignIn;

/// <summary>
/// Keeps <see cref="RevokedSessions"/> in step with ClickHouse <c>revoked_sessions</c>: reads the
/// sign-outs at start, then every <see cref="AuthOptions.UserRefreshInterval"/> (at least a second).
/// So a session signed out on any node is refused on every node within that interval; on the node
/// that signed it out, at once (<see cref="SignOutAsync"/>).
/// </summary>
public sealed partial class RevokedSessionRefresh(
    IRevokedSessionStore store, RevokedSessions revoked, IOptions<AuthOptions> options, TimeProvider time, ILogger<RevokedSessionRefresh> logger)
    : BackgroundService
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Revokes the session <paramref name="sessionId"/>, whose ticket expires at <paramref name="ticketExpiresAt"/>:
    /// refused here at once, and stored for the other nodes and for after a restart. Throws when
    /// ClickHouse cannot be written (this node refuses it anyway).
    /// </summary>
    public async Task SignOutAsync(string sessionId, DateTimeOffset? ticketExpiresAt, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        // A copy of the cookie renewed just before the sign-out expires at most one lifetime after it
        // (or later, if it was issued under a longer lifetime than today's setting).
        var expiresAt = now + options.Value.SessionLifetime;
        if (ticketExpiresAt > expiresAt)
        {
            expiresAt = ticketExpiresAt.Value;
        }

        var session = new RevokedSession(sessionId, now, expiresAt);
        revoked.Add(session);
        await store.AddAsync(session, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.UserRefreshInterval < MinimumInterval ? MinimumInterval : options.Value.UserRefreshInterval;
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            do
            {
                try
                {
                    revoked.Merge(await store.ListAsync(time.GetUtcNow(), stoppingToken));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The sign-outs read before stay in force; the next tick reads again.
                    LogRefreshFailed(ex);
                    revoked.FirstLoadFailed();
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the signed-out sessions from ClickHouse; the ones read before stay in force")]
    private partial void LogRefreshFailed(Exception exception);
}
