using System.Threading.Channels;

namespace GovPulse.Grains.Tests.Hourly;

/// <summary>
/// A test seam at the hour's insert, shared by the nodes' history stores (<see cref="GatedHistoryStore"/>):
/// holds the next inserts until the test releases them (two activations racing, a node dying
/// mid-publication) or fails them before or after the real insert. Everything else reaches the
/// real engine.
/// </summary>
public sealed class HourStoreGate
{
    private readonly Lock _lock = new();
    private readonly Channel<bool> _arrivals = Channel.CreateUnbounded<bool>();
    private readonly List<TaskCompletionSource> _held = [];
    private int _toHold;
    private int _toFailBefore;
    private int _toFailAfter;
    private int _lastHourLookups;

    /// <summary>How many times a node looked up the last published hour of a period in ClickHouse.</summary>
    public int LastHourLookups => Volatile.Read(ref _lastHourLookups);

    /// <summary>Counts one lookup of a period's last published hour.</summary>
    public void LookedUpLastHour() => Interlocked.Increment(ref _lastHourLookups);

    /// <summary>Holds the next <paramref name="inserts"/> inserts before they reach the engine.</summary>
    public void Hold(int inserts)
    {
        lock (_lock)
        {
            _toHold = inserts;
        }
    }

    /// <summary>Fails the next <paramref name="inserts"/> inserts before they reach the engine.</summary>
    public void FailBefore(int inserts)
    {
        lock (_lock)
        {
            _toFailBefore = inserts;
        }
    }

    /// <summary>Lets the next <paramref name="inserts"/> inserts land, then fails their calls (the answer is lost).</summary>
    public void FailAfter(int inserts)
    {
        lock (_lock)
        {
            _toFailAfter = inserts;
        }
    }

    /// <summary>Completes when <paramref name="inserts"/> held inserts are waiting (at most a minute).</summary>
    public async Task WaitHeldAsync(int inserts)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        for (var i = 0; i < inserts; i++)
        {
            await _arrivals.Reader.ReadAsync(deadline.Token);
        }
    }

    /// <summary>Lets every held insert go on to the engine, at once.</summary>
    public void Release() => Open(held => held.TrySetResult());

    /// <summary>Fails every held insert before it reaches the engine (its node died there).</summary>
    public void Break() => Open(held => held.TrySetException(new IOException("the node died before its insert (test seam)")));

    internal async Task<bool> PassAsync()
    {
        TaskCompletionSource? hold = null;
        bool failAfter;
        lock (_lock)
        {
            if (_toFailBefore > 0)
            {
                _toFailBefore--;
                throw new IOException("the insert failed (test seam)");
            }

            failAfter = _toFailAfter > 0;
            _toFailAfter -= failAfter ? 1 : 0;
            if (_toHold > 0)
            {
                _toHold--;
                hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _held.Add(hold);
            }
        }

        if (hold is not null)
        {
            _arrivals.Writer.TryWrite(true);
            await hold.Task;
        }

        return failAfter;
    }

    private void Open(Action<TaskCompletionSource> open)
    {
        List<TaskCompletionSource> held;
        lock (_lock)
        {
            held = [.. _held];
            _held.Clear();
        }

        held.ForEach(open);
    }
}
