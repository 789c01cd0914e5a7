namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>
/// What the page's live link (its WebSocket to <c>/hubs/indicators</c>) carries, seen from the
/// browser: lets a test wait until the page is subscribed and live before it changes anything, and
/// see the link drop and come back. Attach before the page opens the link.
/// </summary>
public sealed class HubFrames
{
    private readonly Lock _gate = new();
    private readonly List<string> _received = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiting = [];
    private readonly List<TaskCompletionSource> _closes = [];
    private readonly List<TaskCompletionSource> _opens = [];
    private int _opened;
    private int _closed;

    private HubFrames(IPage page)
    {
        page.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/hubs/indicators", StringComparison.Ordinal))
            {
                return;
            }

            socket.FrameReceived += (_, frame) => Received(frame.Text ?? "");
            socket.Close += (_, _) => Signal(ref _closed, _closes);
            Signal(ref _opened, _opens);
        };
    }

    public static HubFrames Watch(IPage page) => new(page);

    /// <summary>WebSockets to the hub opened so far.</summary>
    public int Opened
    {
        get
        {
            lock (_gate)
            {
                return _opened;
            }
        }
    }

    /// <summary>Completes when the page has received a <c>scorecard</c> of <paramref name="unitCode"/> (from now on or before).</summary>
    public Task ScorecardAsync(string unitCode) =>
        FrameAsync(text => text.Contains("\"target\":\"scorecard\"", StringComparison.Ordinal)
            && text.Contains($"\"unitCode\":\"{unitCode}\"", StringComparison.Ordinal));

    /// <summary>Completes when a hub WebSocket has closed <paramref name="count"/> times in all.</summary>
    public Task ClosedAsync(int count) => CountedAsync(() => _closed, _closes, count);

    /// <summary>Completes when hub WebSockets have been opened <paramref name="count"/> times in all.</summary>
    public Task OpenedAsync(int count) => CountedAsync(() => _opened, _opens, count);

    private Task FrameAsync(Func<string, bool> match)
    {
        lock (_gate)
        {
            if (_received.Any(match))
            {
                return Task.CompletedTask;
            }

            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((match, seen));
            return seen.Task.WaitAsync(DashboardNode.ScreenTimeout);
        }
    }

    private void Received(string text)
    {
        lock (_gate)
        {
            _received.Add(text);
            foreach (var waiter in _waiting.Where(w => w.Match(text)).ToList())
            {
                _waiting.Remove(waiter);
                waiter.Seen.TrySetResult();
            }
        }
    }

    private void Signal(ref int counter, List<TaskCompletionSource> waiters)
    {
        lock (_gate)
        {
            counter++;
            var waiting = waiters.ToList();
            waiters.Clear();
            foreach (var waiter in waiting)
            {
                waiter.TrySetResult();
            }
        }
    }

    private async Task CountedAsync(Func<int> counter, List<TaskCompletionSource> waiters, int count)
    {
        using var timeout = new CancellationTokenSource(DashboardNode.ScreenTimeout * 2);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (counter() >= count)
                {
                    return;
                }

                var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waiters.Add(signal);
                next = signal.Task;
            }

            await next.WaitAsync(timeout.Token);
        }
    }
}
