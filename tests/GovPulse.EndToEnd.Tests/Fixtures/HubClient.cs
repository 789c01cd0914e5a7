using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>
/// A live-hub client as the web page holds one (a browser's cookies, or an integration's key), keeping
/// every message it receives and telling when the node closes it.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<JsonElement> _firstHourly = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> _scorecardUnits = new();
    private readonly ConcurrentQueue<JsonElement> _hourly = new();

    private HubClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<ScorecardResponse>("scorecard", s =>
        {
            _scorecardUnits.Enqueue(s.UnitCode);
            Scorecards.Add(s);
        });
        connection.On<JsonElement>("hourly", h =>
        {
            _hourly.Enqueue(h);
            _firstHourly.TrySetResult(h);
        });
        connection.Closed += e =>
        {
            _closed.TrySetResult(e);
            return Task.CompletedTask;
        };
    }

    public HubConnection Connection { get; }

    public ScorecardInbox Scorecards { get; } = new();

    /// <summary>The units of every <c>scorecard</c> received, in arrival order.</summary>
    public IReadOnlyList<string> ScorecardUnits => [.. _scorecardUnits];

    /// <summary>Every <c>hourly</c> message received.</summary>
    public IReadOnlyList<JsonElement> Hourly => [.. _hourly];

    /// <summary>The first <c>hourly</c> message.</summary>
    public Task<JsonElement> FirstHourly => _firstHourly.Task;

    /// <summary>Completes when the connection closes (the node aborted it, or it was stopped).</summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>A connection with a browser's cookies (WebSockets, as the page uses).</summary>
    public static Task<HubClient> ConnectAsync(NodeProcess node, CookieContainer cookies) =>
        StartAsync(Build(node, o => o.Cookies = cookies));

    /// <summary>A connection with an API key.</summary>
    public static Task<HubClient> ConnectAsync(NodeProcess node, string apiKey) =>
        StartAsync(Build(node, o => o.Headers.Add("X-Api-Key", apiKey)));

    /// <summary>A connection that is not started, to see whether the node lets it start.</summary>
    public static HubConnection Unstarted(NodeProcess node, CookieContainer cookies) => Build(node, o => o.Cookies = cookies);

    /// <summary>A connection with an API key, not started.</summary>
    public static HubConnection Unstarted(NodeProcess node, string apiKey) => Build(node, o => o.Headers.Add("X-Api-Key", apiKey));

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private static HubConnection Build(NodeProcess node, Action<HttpConnectionOptions> sign) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, "/hubs/indicators"), o =>
            {
                sign(o);
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();

    private static async Task<HubClient> StartAsync(HubConnection connection)
    {
        var client = new HubClient(connection);
        await connection.StartAsync();
        return client;
    }
}
