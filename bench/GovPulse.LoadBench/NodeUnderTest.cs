using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace GovPulse.LoadBench;

/// <summary>
/// The node the bench measures: a fresh one started here as a child process (Release build, its
/// own temporary data directory, 127.0.0.1 only, simulator and hourly job off), found from its
/// start-up banner as the end-to-end tests find theirs, or a node already running (<c>--url</c>, <c>--key</c>).
/// </summary>
public sealed partial class NodeUnderTest : IAsyncDisposable
{
    private const int MaxAttempts = 3;

    private readonly Process? _process;
    private readonly string? _dataDirectory;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeUnderTest(Uri baseAddress, string key, Process? process, string? dataDirectory)
    {
        BaseAddress = baseAddress;
        Key = key;
        _process = process;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; private set; }

    public string Key { get; }

    /// <summary>The node's process id when it runs on this machine and is known (for its memory).</summary>
    public int? ProcessId { get; init; }

    public bool Started => _process is not null;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public HttpClient CreateClient(TimeSpan timeout)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = BaseAddress,
            Timeout = timeout,
        };
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    public static NodeUnderTest Running(Uri url, string key, int? pid) => new(url, key, null, null) { ProcessId = pid };

    /// <summary>Builds the node (Release) unless told not to, starts it on a fresh data directory and waits until it is ready.</summary>
    public static async Task<NodeUnderTest> StartAsync(string repository, bool build, IReadOnlyList<string> extraArguments, Action<string> say, CancellationToken cancellationToken)
    {
        var silo = Path.Combine(repository, "silo", "GovPulse.Silo");
        if (build)
        {
            say("Building silo/GovPulse.Silo (Release)…");
            await RunToEndAsync("dotnet", ["build", silo, "-c", "Release", "-nologo", "-v", "q"], repository, TimeSpan.FromMinutes(15), cancellationToken);
        }

        var assembly = Path.Combine(silo, "bin", "Release", "net10.0", "GovPulse.Silo.dll");
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException("The node's Release build is missing; run without --no-build.", assembly);
        }

        var key = "gp_bench_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        for (var attempt = 1; ; attempt++)
        {
            var data = Directory.CreateTempSubdirectory("govpulse-loadbench-").FullName;
            var node = Launch(assembly, data, key, extraArguments);
            try
            {
                if (await node.BecomeReadyAsync(TimeSpan.FromMinutes(3), cancellationToken))
                {
                    return node;
                }
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }

            var output = node.Output;
            await node.DisposeAsync();
            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"The node found a port taken on each of {MaxAttempts} starts; the last one said:\n{output}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }

        if (_dataDirectory is not null && Directory.Exists(_dataDirectory))
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // left in the temp directory; nothing else uses it
            }
        }
    }

    private static NodeUnderTest Launch(string assembly, string dataDirectory, string key, IReadOnlyList<string> extraArguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        foreach (var argument in new[]
        {
            assembly,
            "--urls=http://127.0.0.1:0",
            $"--GovPulse:DataDirectory={dataDirectory}",
            $"--GovPulse:Orleans:SiloPort={FreePort()}",
            "--GovPulse:Simulator:Enabled=false",
            "--GovPulse:Hourly:Enabled=false",
        }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["GovPulse__Ingest__BootstrapKey"] = key;
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new NodeUnderTest(new Uri("http://127.0.0.1/"), key, process, dataDirectory) { ProcessId = process.Id };
        process.OutputDataReceived += (_, e) => node.Record(e.Data);
        process.ErrorDataReceived += (_, e) => node.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    private async Task<bool> BecomeReadyAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        var exited = _process!.WaitForExitAsync(CancellationToken.None);
        await Task.WhenAny(_listening.Task, exited).WaitAsync(timeout.Token);
        if (!_listening.Task.IsCompleted)
        {
            await exited;
            return Output.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
                ? false
                : throw new InvalidOperationException($"The node exited with code {_process.ExitCode} before it was ready:\n{Output}");
        }

        BaseAddress = await _listening.Task;
        using var client = CreateClient(TimeSpan.FromSeconds(10));
        while (true)
        {
            timeout.Token.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The node exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), timeout.Token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // not answering yet
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Keep the start and the latest lines only: a long run logs a lot.
            if (_output.Length > 1_000_000)
            {
                _output.Remove(0, 500_000);
            }

            _output.AppendLine(line);
        }

        if (DashboardLine().Match(line) is { Success: true } banner)
        {
            _listening.TrySetResult(new Uri(banner.Groups["url"].Value));
        }
    }

    private static async Task RunToEndAsync(string file, string[] arguments, string directory, TimeSpan limit, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var said = await stdout + await stderr;
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{said}"));
        }
    }

    [GeneratedRegex(@"Dashboard: (?<url>https?://\S+)")]
    private static partial Regex DashboardLine();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
