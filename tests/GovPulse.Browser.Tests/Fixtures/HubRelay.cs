namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>
/// The page's live link (its WebSocket to <c>/hubs/indicators</c>) routed through the browser's own
/// WebSocket routing, so a test can lose one push on the way, as a dropped observer or a lost message
/// would, and close the link as a network blip does. Everything else passes unchanged. Attach before
/// the page opens the link.
/// </summary>
public sealed class HubRelay
{
    /// <summary>SignalR's JSON protocol ends every message with this character; a frame may hold several.</summary>
    private const char RecordSeparator = '\u001e';

    private readonly Lock _gate = new();
    private readonly List<string> _seen = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiting = [];
    private readonly List<(IWebSocketRoute Page, IWebSocketRoute Server)> _links = [];
    private string? _dropUnit;
    private TaskCompletionSource<string>? _dropped;

    private HubRelay()
    {
    }

    public static async Task<HubRelay> RouteAsync(IPage page)
    {
        var relay = new HubRelay();
        await page.RouteWebSocketAsync(url => url.Contains("/hubs/indicators", StringComparison.Ordinal), relay.Connect);
        return relay;
    }

    /// <summary>WebSockets to the hub the page has opened so far.</summary>
    public int Opened
    {
        get
        {
            lock (_gate)
            {
                return _links.Count;
            }
        }
    }

    /// <summary>
    /// Drops the next live push (a <c>scorecard</c> carrying <c>previousVersion</c>) of
    /// <paramref name="unitCode"/>; the task completes with the dropped message.
    /// </summary>
    public Task<string> DropNextPushOf(string unitCode)
    {
        lock (_gate)
        {
            _dropUnit = unitCode;
            _dropped = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _dropped.Task.WaitAsync(DashboardNode.ScreenTimeout * 2);
        }
    }

    /// <summary>Completes with the first <c>scorecard</c> message of the unit that reached the page from now on or before and matches.</summary>
    public Task<string> ScorecardAsync(string unitCode, Func<string, bool>? match = null)
    {
        bool Matches(string text) => IsScorecardOf(text, unitCode) && (match?.Invoke(text) ?? true);
        lock (_gate)
        {
            if (_seen.FirstOrDefault(Matches) is { } already)
            {
                return Task.FromResult(already);
            }

            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((Matches, seen));
            return seen.Task.WaitAsync(DashboardNode.ScreenTimeout * 2);
        }
    }

    /// <summary>Closes the page's current link, both ways, as a lost network would; the page reconnects by itself.</summary>
    public async Task CloseLatestAsync()
    {
        (IWebSocketRoute Page, IWebSocketRoute Server) link;
        lock (_gate)
        {
            link = _links[^1];
        }

        await link.Server.CloseAsync(new WebSocketRouteCloseOptions { Code = 4000, Reason = "test: link lost" });
        await link.Page.CloseAsync(new WebSocketRouteCloseOptions { Code = 4000, Reason = "test: link lost" });
    }

    public static bool IsPush(string message) => message.Contains("\"previousVersion\":", StringComparison.Ordinal);

    private static bool IsScorecardOf(string message, string unitCode) =>
        message.Contains("\"target\":\"scorecard\"", StringComparison.Ordinal)
        && message.Contains($"\"unitCode\":\"{unitCode}\"", StringComparison.Ordinal);

    private void Connect(IWebSocketRoute page)
    {
        var server = page.ConnectToServer();
        lock (_gate)
        {
            _links.Add((page, server));
        }

        page.OnMessage(frame =>
        {
            if (frame.Text is { } text)
            {
                server.Send(text);
            }
            else
            {
                server.Send(frame.Binary ?? []);
            }
        });
        server.OnMessage(frame =>
        {
            if (frame.Text is not { } text)
            {
                page.Send(frame.Binary ?? []);
                return;
            }

            var passed = Pass(text);
            if (passed.Length > 0)
            {
                page.Send(passed);
            }
        });
    }

    /// <summary>The frame's messages minus a push being dropped; records what passes.</summary>
    private string Pass(string frame)
    {
        var kept = new List<string>();
        lock (_gate)
        {
            foreach (var message in frame.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (_dropUnit is { } unit && IsScorecardOf(message, unit) && IsPush(message))
                {
                    _dropUnit = null;
                    _dropped!.TrySetResult(message);
                    continue;
                }

                kept.Add(message);
                _seen.Add(message);
                foreach (var waiter in _waiting.Where(w => w.Match(message)).ToList())
                {
                    _waiting.Remove(waiter);
                    waiter.Seen.TrySetResult(message);
                }
            }
        }

        return string.Concat(kept.Select(m => m + RecordSeparator));
    }
}
