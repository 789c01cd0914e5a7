using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>
/// A GovPulse node as a user runs it: the real executable in its own process, on 127.0.0.1,
/// with the embedded ClickHouse in its own data directory.
/// </summary>
/// <remarks>
/// The node listens for HTTP on port 0 and the fixture reads the address the system gave it from
/// the node's start-up banner, so no other process can take the port between choosing and binding
/// it. Orleans cannot listen on port 0 (a silo announces its port before it binds), so its silo
/// port is still chosen here (no gateway is opened); a node that finds it taken exits at once, and
/// is started again with a new one, at most <see cref="MaxAttempts"/> times in all.
/// </remarks>
public sealed partial class NodeProcess : IAsyncDisposable
{
    /// <summary>Starts of one node when its Orleans ports turn out to be taken (the first one included).</summary>
    public const int MaxAttempts = 3;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(string Text, TaskCompletionSource Seen)> _awaitedOutput = [];

    private NodeProcess(Process process, int siloPort)
    {
        _process = process;
        SiloPort = siloPort;
    }

    /// <summary>The node's process id (the <c>dotnet</c> host runs the node in its own process).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The Orleans silo port this node was given (it opens no gateway unless asked to).</summary>
    public int SiloPort { get; }

    /// <summary>Where the node listens, as its banner says (known once <see cref="StartAsync"/> returns).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How many times this node had to be started because a port it was given was taken.</summary>
    public int PortClashes { get; private set; }

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

    /// <summary>Completes when the node has written a line containing <paramref name="text"/> (logs reach the output a moment after the answer).</summary>
    public Task WaitForOutputAsync(string text, TimeSpan limit)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            if (_output.ToString().Contains(text, StringComparison.Ordinal))
            {
                return Task.CompletedTask;
            }

            _awaitedOutput.Add((text, seen));
        }

        return seen.Task.WaitAsync(limit);
    }

    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>
    /// Starts a node and returns once <c>/health/ready</c> says it is ready (at most 90 s a start),
    /// starting it again on new Orleans ports when one was taken.
    /// </summary>
    public static Task<NodeProcess> StartAsync(string dataDirectory, string apiKey, params string[] extraArguments) =>
        StartAsync(dataDirectory, apiKey, FreePort, extraArguments);

    /// <param name="dataDirectory">The node's data directory.</param>
    /// <param name="apiKey">The node's bootstrap key.</param>
    /// <param name="orleansPort">Chooses the silo port of every start (the retry's tests hand out a taken one).</param>
    /// <param name="extraArguments">More command-line settings; they win over the fixture's.</param>
    internal static async Task<NodeProcess> StartAsync(string dataDirectory, string apiKey, Func<int> orleansPort, params string[] extraArguments)
    {
        for (var attempt = 1; ; attempt++)
        {
            var node = Launch(dataDirectory, apiKey, orleansPort, extraArguments);
            bool ready;
            try
            {
                ready = await node.BecomeReadyAsync(TimeSpan.FromSeconds(90));
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }

            if (ready)
            {
                node.PortClashes = attempt - 1;
                return node;
            }

            var output = node.Output;
            await node.DisposeAsync();
            if (attempt == MaxAttempts)
            {
                throw new InvalidOperationException($"The node found a port taken on each of {MaxAttempts} starts; the last one said:\n{output}");
            }
        }
    }

    private static NodeProcess Launch(string dataDirectory, string apiKey, Func<int> orleansPort, string[] extraArguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(SiloAssembly())!,
        };
        // No gateway port: a node opens none by default, and nothing here is an Orleans client.
        var siloPort = orleansPort();
        foreach (var argument in new[]
        {
            SiloAssembly(),
            "--urls=http://127.0.0.1:0",
            $"--GovPulse:DataDirectory={dataDirectory}",
            $"--GovPulse:Ingest:BootstrapKey={apiKey}",
            $"--GovPulse:Orleans:SiloPort={siloPort}",
            "--GovPulse:Simulator:Enabled=false",
        }.Concat(extraArguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var node = new NodeProcess(process, siloPort);
        process.OutputDataReceived += (_, e) => node.Record(e.Data);
        process.ErrorDataReceived += (_, e) => node.Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Ends the process the hard way (SIGKILL), as a crash or <c>kill -9</c> would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Asks the node to stop (SIGTERM) and waits for it.</summary>
    /// <summary>Stops the node as an operator would (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, 15);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await _process.WaitForExitAsync(timeout.Token);
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>
    /// Waits for the banner's address, then for <c>/health/ready</c>. False when the node exited
    /// because a port it was given was taken; any other failure throws, with the node's output.
    /// </summary>
    private async Task<bool> BecomeReadyAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        var exited = _process.WaitForExitAsync(CancellationToken.None);
        try
        {
            await Task.WhenAny(_listening.Task, exited).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The node did not print where it listens within {limit}:\n{Output}");
        }

        if (!_listening.Task.IsCompleted)
        {
            // The process has exited and its output is read to the end (WaitForExitAsync waits for both).
            await exited;
            if (!Output.Contains("Address already in use", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The node exited with code {_process.ExitCode} before it was ready:\n{Output}");
            }

            return false;
        }

        BaseAddress = await _listening.Task;
        using var client = CreateClient();
        while (!timeout.IsCancellationRequested)
        {
            if (_process.HasExited)
            {
                await exited;
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
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
            {
                // not answering yet, or out of time: the loop's condition decides
            }

            // Readiness is only visible over HTTP from here, so ask again shortly.
            await Task.Delay(200, CancellationToken.None);
        }

        throw new TimeoutException($"The node was not ready within {limit}:\n{Output}");
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
            foreach (var awaited in _awaitedOutput.Where(a => line.Contains(a.Text, StringComparison.Ordinal)).ToList())
            {
                _awaitedOutput.Remove(awaited);
                awaited.Seen.TrySetResult();
            }
        }

        if (DashboardLine().Match(line) is { Success: true } banner)
        {
            _listening.TrySetResult(new Uri(banner.Groups["url"].Value));
        }
    }

    /// <summary>The banner's line that says where the node listens (silo/GovPulse.Silo/StartupBanner.cs).</summary>
    [GeneratedRegex(@"Dashboard: (?<url>https?://\S+)")]
    private static partial Regex DashboardLine();

    /// <summary>A port free now; another process may take it before the node binds it, hence the retry.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The silo built beside this test project, same configuration (Debug/Release).</summary>
    private static string SiloAssembly()
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testDirectory.Name;
        var configuration = testDirectory.Parent!.Name;
        var root = testDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "GovPulse.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("GovPulse.sln not found above the test directory"),
            "silo", "GovPulse.Silo", "bin", configuration, framework, "GovPulse.Silo.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the node executable is missing.", path);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
