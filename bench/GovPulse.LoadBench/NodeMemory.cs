using System.Globalization;

namespace GovPulse.LoadBench;

/// <summary>The node's resident memory, read from <c>/proc/PID/status</c> once a second: the largest seen, and the kernel's own peak (VmHWM).</summary>
public sealed class NodeMemory : IAsyncDisposable
{
    private readonly int? _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public NodeMemory(int? pid)
    {
        _pid = pid;
        _sampling = pid is null ? Task.CompletedTask : SampleAsync(_stop.Token);
    }

    /// <summary>Largest VmRSS seen while sampling, in bytes (0 when the node's process is unknown).</summary>
    public long PeakSampled { get; private set; }

    /// <summary>The process's peak RSS since it started (VmHWM), in bytes, or null.</summary>
    public long? HighWaterMark => Read("VmHWM:");

    public long? Current => Read("VmRSS:");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            do
            {
                if (Current is { } rss && rss > PeakSampled)
                {
                    PeakSampled = rss;
                }
            }
            while (await tick.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // stopped
        }
    }

    private long? Read(string field)
    {
        if (_pid is not { } pid)
        {
            return null;
        }

        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var kb = line[field.Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // the process has gone
        }

        return null;
    }
}
