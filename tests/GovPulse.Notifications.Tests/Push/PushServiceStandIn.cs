using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovPulse.Notifications.Tests.Push;

/// <summary>
/// A push service on 127.0.0.1 (a real Kestrel server): records every request to
/// <c>/push/{name}</c> and answers as the test scripts it (201 unless told otherwise).
/// </summary>
public sealed class PushServiceStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<PushServiceRequest> _requests = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string? RetryAfter)>> _answers = new();
    private readonly Func<DateTimeOffset> _clock;
    private readonly SemaphoreSlim _arrived = new(0);

    private PushServiceStandIn(WebApplication app, Func<DateTimeOffset> clock)
    {
        _app = app;
        _clock = clock;
    }

    /// <summary>http://127.0.0.1:port</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<PushServiceRequest> Requests => [.. _requests];

    /// <param name="clock">What "received at" reads (a FakeTimeProvider's, to see the sender waited).</param>
    public static async Task<PushServiceStandIn> StartAsync(Func<DateTimeOffset>? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new PushServiceStandIn(app, clock ?? (() => DateTimeOffset.UtcNow));
        app.MapPost("/push/{name}", standIn.ReceiveAsync);
        await app.StartAsync();
        standIn.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return standIn;
    }

    /// <summary>An endpoint URL of this service (a browser's subscription).</summary>
    public string Endpoint(string name) => new Uri(BaseAddress, "/push/" + name).ToString();

    /// <summary>The next requests to <paramref name="name"/> are answered with these, in order (then 201).</summary>
    public void Answer(string name, params (int Status, string? RetryAfter)[] answers)
    {
        var queue = _answers.GetOrAdd(name, _ => new());
        foreach (var answer in answers)
        {
            queue.Enqueue(answer);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived (all endpoints).</summary>
    public async Task WaitForRequestsAsync(int count, TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit);
        while (_requests.Count < count)
        {
            await _arrived.WaitAsync(cancel.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }

    private async Task ReceiveAsync(string name, HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer);
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var (status, retryAfter) = _answers.TryGetValue(name, out var queue) && queue.TryDequeue(out var scripted) ? scripted : (201, null);
        _requests.Enqueue(new PushServiceRequest(name, headers, buffer.ToArray(), _clock(), status));
        _arrived.Release();
        http.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            http.Response.Headers.RetryAfter = retryAfter;
        }
    }
}

/// <summary>One request the stand-in received, and what it answered.</summary>
public sealed record PushServiceRequest(string Name, IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset ReceivedAt, int Answered)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
