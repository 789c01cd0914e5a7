using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GovPulse.Grains.Tests.Notifications.Webhooks;

/// <summary>
/// A webhook receiver: a real Kestrel server on 127.0.0.1. Each path (<c>/{name}</c>) answers as the
/// test says (by default 200) and records every request, accepted or not. It can be stopped and started
/// again on the same port, so a sender meets refused connections in between.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<int, int>> _answers = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private WebApplication? _app;

    private WebhookReceiver(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public Uri UrlOf(string name) => new($"http://127.0.0.1:{Port}/{name}");

    /// <summary>A receiver on a free port, started unless <paramref name="start"/> is false (then the port refuses connections).</summary>
    public static async Task<WebhookReceiver> StartAsync(bool start = true)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var receiver = new WebhookReceiver(port);
        if (start)
        {
            await receiver.StartAgainAsync();
        }

        return receiver;
    }

    /// <summary>How <c>/{name}</c> answers its n-th request (1 = the first).</summary>
    public void Answer(string name, Func<int, int> status) => _answers[name] = status;

    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        var app = builder.Build();
        app.MapPost("/{name}", async (string name, HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var number = _received.Count(r => r.Name == name) + 1;
            var status = _answers.TryGetValue(name, out var answer) ? answer(number) : 200;
            _received.Enqueue(new ReceivedWebhook(
                name,
                body,
                http.Request.Headers["X-GovPulse-Timestamp"].ToString(),
                http.Request.Headers["X-GovPulse-Signature"].ToString(),
                http.Request.Headers["X-GovPulse-Delivery"].ToString(),
                http.Request.ContentType ?? string.Empty,
                status));
            _arrived.Release();
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Waits (up to 30 s) until <paramref name="done"/> holds of what arrived.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitUntilAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (!done(Received))
        {
            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"the receiver did not get what the test waited for; it got: {string.Join(", ", Received.Select(r => $"{r.Name}:{r.Status}"))}");
            }
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _arrived.Dispose();
    }
}
