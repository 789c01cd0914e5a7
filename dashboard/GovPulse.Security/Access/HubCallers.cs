using System.Collections.Concurrent;
using System.Threading.Channels;
using GovPulse.Security.Keys;
using GovPulse.Security.SignIn;
using GovPulse.Security.Users;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GovPulse.Security.Access;

/// <summary>
/// This node's open hub connections, and the closing of those whose sign-in has ended. A connection
/// is authenticated once, when it opens, so without this a revoked key or a signed-out or disabled
/// person would keep receiving pushes. Every connection is checked again (<see cref="CallerStanding"/>)
/// whenever the keys are reloaded (every few seconds, on every node: it also notices users changed on
/// another node), a session is signed out, or this node changes a user; a connection that fails is aborted.
/// </summary>
public sealed partial class HubCallers : BackgroundService
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _open = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CallerStanding _standing;
    private readonly ApiKeys _keys;
    private readonly RevokedSessions _revoked;
    private readonly UserDirectory _users;
    private readonly ILogger<HubCallers> _logger;

    public HubCallers(CallerStanding standing, ApiKeys keys, RevokedSessions revoked, UserDirectory users, ILogger<HubCallers> logger)
    {
        _standing = standing;
        _keys = keys;
        _revoked = revoked;
        _users = users;
        _logger = logger;
        _keys.Replaced += Wake;
        _revoked.Added += Wake;
        _users.Changed += Wake;
    }

    /// <summary>How many connections are open on this node.</summary>
    public int Count => _open.Count;

    public void Add(HubCallerContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _open[connection.ConnectionId] = connection;
    }

    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);

    /// <summary>Checks every open connection now and aborts those whose sign-in has ended.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        foreach (var connection in _open.Values)
        {
            string? ended;
            try
            {
                ended = await _standing.EndedAsync(connection.User, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The user could not be read: judged at the next sweep, and at its next call.
                LogCheckFailed(ex);
                continue;
            }

            if (ended is not null)
            {
                _open.TryRemove(connection.ConnectionId, out _);
                LogClosing(CallerStanding.Describe(connection.User), ended);
                connection.Abort();
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stoppingToken))
            {
                _wake.Reader.TryRead(out _);
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    public override void Dispose()
    {
        _keys.Replaced -= Wake;
        _revoked.Added -= Wake;
        _users.Changed -= Wake;
        base.Dispose();
    }

    private void Wake(object? sender, EventArgs e) => _wake.Writer.TryWrite(true);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing a hub connection of {Caller}: {Reason}")]
    private partial void LogClosing(string caller, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check a hub connection's sign-in; checked again at the next sweep")]
    private partial void LogCheckFailed(Exception exception);
}
