using GovPulse.Grains;
using GovPulse.Ingest.Security;
using Microsoft.Extensions.Options;

namespace GovPulse.Ingest.Pipeline;

/// <summary>
/// Back-pressure for one node: bounds what ingest holds in memory when ClickHouse or the grains
/// fall behind, and says "come back later" (503 + <c>Retry-After</c>) instead of queueing without
/// bound. Three limits (section <c>GovPulse:Ingest</c>):
/// <list type="bullet">
/// <item><c>MaxConcurrentBatches</c>: requests being read, stored and applied at once; a place is
/// taken before the body is read, so bodies in memory are bounded too. A request waits at most
/// <c>AdmissionWait</c> for one.</item>
/// <item><c>MaxInFlightEvents</c>: events between reading and applying, all batches together.</item>
/// <item><c>BatchTimeout</c>: a batch's store-and-apply that takes longer is answered 503; its
/// events stay counted until the work really ends, so an abandoned batch still holds its place.</item>
/// </list>
/// Refusing is always safe: ids make re-sending idempotent, so a client that honours
/// <c>Retry-After</c> loses nothing.
/// </summary>
public sealed class IngestGate : IDisposable
{
    private readonly IngestOptions _options;
    private readonly GovPulseMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _batches;
    private long _inFlight;

    public IngestGate(IOptions<IngestOptions> options, GovPulseMetrics metrics, TimeProvider time)
    {
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _batches = new SemaphoreSlim(_options.MaxConcurrentBatches, _options.MaxConcurrentBatches);
        RetryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(_options.RetryAfter.TotalSeconds)));
    }

    /// <summary>What a refusal tells the client to wait: the setting, rounded up to whole seconds.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>Events held between reading and applying now.</summary>
    public long EventsInFlight => Interlocked.Read(ref _inFlight);

    /// <summary>The refusal of a request that found every place among <c>MaxConcurrentBatches</c> taken.</summary>
    public IngestRefusal BatchesFull => IngestRefusal.TooManyBatches(_options.MaxConcurrentBatches, RetryAfter);

    /// <summary>
    /// A place for one request among <c>MaxConcurrentBatches</c>, waiting at most <c>AdmissionWait</c>
    /// (dispose it when the request is answered); null when every place stayed taken (<see cref="BatchesFull"/>).
    /// </summary>
    public async Task<IDisposable?> TryEnterBatchAsync(CancellationToken cancellationToken = default)
    {
        if (!await _batches.WaitAsync(_options.AdmissionWait, cancellationToken))
        {
            Count(BatchesFull);
            return null;
        }

        return new BatchPlace(_batches);
    }

    /// <summary>
    /// Runs a batch's store-and-apply holding <paramref name="events"/> places among
    /// <c>MaxInFlightEvents</c>, and gives up waiting for it after <c>BatchTimeout</c> (the work is
    /// told to stop through its token; the places are given back only when it has).
    /// </summary>
    /// <exception cref="IngestOverloadedException">Too many events in flight, or the work took too long.</exception>
    public async Task<T> RunAsync<T>(int events, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!TryHold(events, out var inFlight))
        {
            throw Refuse(IngestRefusal.TooManyEvents(events, inFlight, _options.MaxInFlightEvents, RetryAfter));
        }

        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = RunHoldingAsync(events, work, stop);
        try
        {
            return await running.WaitAsync(_options.BatchTimeout, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            try
            {
                await stop.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // the work ended in the meantime
            }

            throw Refuse(IngestRefusal.TimedOut(_options.BatchTimeout, RetryAfter));
        }
        finally
        {
            if (!running.IsCompleted)
            {
                // Nobody awaits abandoned work any more: observe its failure so it is not reported as unobserved.
                _ = running.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
        }
    }

    public void Dispose() => _batches.Dispose();

    private async Task<T> RunHoldingAsync<T>(int events, Func<CancellationToken, Task<T>> work, CancellationTokenSource stop)
    {
        try
        {
            return await work(stop.Token);
        }
        finally
        {
            Interlocked.Add(ref _inFlight, -events);
            _metrics.EventsInFlight.Add(-events);
            stop.Dispose();
        }
    }

    /// <summary>Takes the places unless that would go over the limit; a batch alone is always taken, so no batch waits forever.</summary>
    private bool TryHold(int events, out long inFlight)
    {
        while (true)
        {
            inFlight = Interlocked.Read(ref _inFlight);
            if (inFlight > 0 && inFlight + events > _options.MaxInFlightEvents)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _inFlight, inFlight + events, inFlight) == inFlight)
            {
                _metrics.EventsInFlight.Add(events);
                return true;
            }
        }
    }

    private IngestOverloadedException Refuse(IngestRefusal refusal)
    {
        Count(refusal);
        return new IngestOverloadedException(refusal);
    }

    private void Count(IngestRefusal refusal) =>
        _metrics.IngestOverloaded.Add(1, new KeyValuePair<string, object?>("reason", refusal.Reason));

    private sealed class BatchPlace(SemaphoreSlim batches) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                batches.Release();
            }
        }
    }
}
