namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>The page's GETs of one API path (counted as the browser sends them).</summary>
public sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<TaskCompletionSource> _waiting = [];
    private int _count;

    public RequestLog(IPage page, string path)
    {
        page.Request += (_, request) =>
        {
            if (request.Method != "GET" || !new Uri(request.Url).AbsolutePath.Equals(path, StringComparison.Ordinal))
            {
                return;
            }

            lock (_gate)
            {
                _count++;
                foreach (var waiter in _waiting)
                {
                    waiter.TrySetResult();
                }

                _waiting.Clear();
            }
        };
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    public async Task AtLeastAsync(int count)
    {
        using var timeout = new CancellationTokenSource(DashboardNode.ScreenTimeout * 2);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_count >= count)
                {
                    return;
                }

                var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add(signal);
                next = signal.Task;
            }

            await next.WaitAsync(timeout.Token);
        }
    }
}
