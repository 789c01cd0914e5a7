using System.Text.Json;

namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>
/// Runs script inside the dashboard's service worker, through DevTools: the browser session attaches
/// to the worker's target and evaluates there (Playwright for .NET has no handle on service workers).
/// The session is the protocol's non-flat kind: commands and answers travel as messages to the target.
/// </summary>
public sealed class WorkerScope
{
    private readonly ICDPSession _browser;
    private readonly string _sessionId;
    private readonly Lock _gate = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonElement>> _pending = [];
    private int _next;

    private WorkerScope(ICDPSession browser, string sessionId)
    {
        _browser = browser;
        _sessionId = sessionId;
        _browser.Event("Target.receivedMessageFromTarget").OnEvent += (_, e) =>
        {
            if (e is not { } received || received.GetProperty("sessionId").GetString() != _sessionId)
            {
                return;
            }

            using var message = JsonDocument.Parse(received.GetProperty("message").GetString()!);
            if (!message.RootElement.TryGetProperty("id", out var id))
            {
                return; // an event of the worker, not an answer
            }

            TaskCompletionSource<JsonElement>? waiting;
            lock (_gate)
            {
                _pending.Remove(id.GetInt32(), out waiting);
            }

            waiting?.TrySetResult(message.RootElement.Clone());
        };
    }

    /// <summary>Attaches to the service worker whose script is <paramref name="scriptUrl"/>.</summary>
    public static async Task<WorkerScope> AttachAsync(IBrowser browser, string scriptUrl)
    {
        var session = await browser.NewBrowserCDPSessionAsync();
        var targets = await session.SendAsync("Target.getTargets");
        var worker = targets!.Value.GetProperty("targetInfos").EnumerateArray()
            .FirstOrDefault(t => t.GetProperty("type").GetString() == "service_worker" && t.GetProperty("url").GetString() == scriptUrl);
        if (worker.ValueKind == JsonValueKind.Undefined)
        {
            throw new InvalidOperationException($"No service worker runs {scriptUrl}.");
        }

        var attached = await session.SendAsync("Target.attachToTarget", new Dictionary<string, object>
        {
            ["targetId"] = worker.GetProperty("targetId").GetString()!, ["flatten"] = false,
        });
        return new WorkerScope(session, attached!.Value.GetProperty("sessionId").GetString()!);
    }

    /// <summary>Evaluates <paramref name="expression"/> in the worker (a promise is awaited) and returns its value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_gate)
        {
            id = ++_next;
            _pending[id] = answer;
        }

        var message = JsonSerializer.Serialize(new
        {
            id, method = "Runtime.evaluate", @params = new { expression, awaitPromise = true, returnByValue = true },
        });
        await _browser.SendAsync("Target.sendMessageToTarget", new Dictionary<string, object> { ["sessionId"] = _sessionId, ["message"] = message });
        var reply = await answer.Task.WaitAsync(DashboardNode.ScreenTimeout);
        if (reply.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"The worker refused the evaluation: {error}");
        }

        var result = reply.GetProperty("result");
        if (result.TryGetProperty("exceptionDetails", out var thrown))
        {
            throw new InvalidOperationException($"The worker threw: {thrown}");
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }
}
