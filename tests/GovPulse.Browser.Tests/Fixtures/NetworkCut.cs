using System.Net;
using System.Net.Sockets;

namespace GovPulse.Browser.Tests.Fixtures;

/// <summary>
/// A TCP relay on 127.0.0.1 between the browser and the node that a test can cut, as a phone
/// losing its network would: every open connection (the hub's WebSocket included) is dropped and
/// new ones are closed at once until <see cref="Restore"/>. The node keeps running on its own port.
/// </summary>
public sealed class NetworkCut : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _node;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private bool _cut;

    public NetworkCut(Uri node)
    {
        _node = new IPEndPoint(IPAddress.Parse(node.Host), node.Port);
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>Where the browser reaches the node through the relay.</summary>
    public Uri Address { get; }

    /// <summary>Drops every connection and refuses new ones.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _cut = true;
            foreach (var client in _open)
            {
                client.Client.LingerState = new LingerOption(true, 0); // reset, as a lost network does
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public void Restore()
    {
        lock (_gate)
        {
            _cut = false;
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient browser;
            try
            {
                browser = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(browser);
        }
    }

    private async Task RelayAsync(TcpClient browser)
    {
        using var node = new TcpClient();
        lock (_gate)
        {
            if (_cut)
            {
                browser.Client.LingerState = new LingerOption(true, 0);
                browser.Dispose();
                return;
            }

            _open.Add(browser);
            _open.Add(node);
        }

        try
        {
            await node.ConnectAsync(_node, _stop.Token);
            var up = browser.GetStream().CopyToAsync(node.GetStream(), _stop.Token);
            var down = node.GetStream().CopyToAsync(browser.GetStream(), _stop.Token);
            await Task.WhenAny(up, down);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // one side went away (or the relay was cut): the other side is closed below
        }
        finally
        {
            lock (_gate)
            {
                _open.Remove(browser);
                _open.Remove(node);
            }

            browser.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }
}
