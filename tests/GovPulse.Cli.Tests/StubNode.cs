using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovPulse.Cli.Tests;

/// <summary>
/// A stand-in for a node on 127.0.0.1 (a random port): real HTTP, answers chosen by the test, and
/// every request recorded. Tests of the CLI's side of the contract use it where a real node would
/// need minutes to start or does not have the endpoint yet (the admin API).
/// </summary>
public sealed class StubNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubNode(WebApplication app)
    {
        _app = app;
    }

    public Uri Url { get; private set; } = null!;

    /// <summary>Every request: method, path, X-Api-Key, body.</summary>
    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public static async Task<StubNode> StartAsync(Func<HttpContext, Recorded, Task> answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var node = new StubNode(app);
        app.Run(async http =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var recorded = new Recorded(http.Request.Method, http.Request.Path, http.Request.Headers["X-Api-Key"].ToString(), await reader.ReadToEndAsync());
            node.Requests.Enqueue(recorded);
            await answer(http, recorded);
        });
        await app.StartAsync();
        node.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Recorded(string Method, string Path, string ApiKey, string Body)
    {
        public string[] Lines => Body.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
