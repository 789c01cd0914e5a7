using System.Text.Json;

namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>
/// Delivers pushes to the page's service worker as the browser does when its push service hands one
/// over: DevTools' <c>ServiceWorker.deliverPushMessage</c> to the registration of the node's origin.
/// </summary>
public sealed class PushChannel
{
    private readonly ICDPSession _cdp;
    private readonly string _origin;
    private readonly string _registrationId;

    private PushChannel(ICDPSession cdp, string origin, string registrationId)
    {
        _cdp = cdp;
        _origin = origin;
        _registrationId = registrationId;
    }

    /// <summary>Once the page is controlled by the dashboard's worker: the worker's registration, as the ServiceWorker domain reports it when enabled.</summary>
    public static async Task<PushChannel> OpenAsync(IBrowserContext context, IPage page, string origin)
    {
        await page.WaitForFunctionAsync("() => navigator.serviceWorker.controller !== null");
        var cdp = await context.NewCDPSessionAsync(page);
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var scope = origin + "/";
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            if (e is not { } update)
            {
                return;
            }

            foreach (var registration in update.GetProperty("registrations").EnumerateArray())
            {
                if (registration.GetProperty("scopeURL").GetString() == scope && !registration.GetProperty("isDeleted").GetBoolean())
                {
                    found.TrySetResult(registration.GetProperty("registrationId").GetString()!);
                }
            }
        };
        await cdp.SendAsync("ServiceWorker.enable");
        return new PushChannel(cdp, origin, await found.Task.WaitAsync(DashboardNode.ScreenTimeout));
    }

    /// <summary>A notice as the node's payload (JSON, UTF-8).</summary>
    public Task DeliverAsync(object notice) => DeliverTextAsync(JsonSerializer.Serialize(notice));

    public async Task DeliverTextAsync(string data) =>
        await _cdp.SendAsync("ServiceWorker.deliverPushMessage", new Dictionary<string, object>
        {
            ["origin"] = _origin, ["registrationId"] = _registrationId, ["data"] = data,
        });
}
