using System.Collections.Concurrent;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>The live-push seam: records what grains publish and lets a test await a matching scorecard.</summary>
public sealed class RecordingPublisher : IScorecardPublisher
{
    private readonly ConcurrentQueue<Scorecard> _published = new();
    private readonly List<(Func<Scorecard, bool> Match, TaskCompletionSource<Scorecard> Done)> _waiters = [];

    public IReadOnlyCollection<Scorecard> Published => _published;

    public Task PublishAsync(Scorecard scorecard)
    {
        _published.Enqueue(scorecard);
        lock (_waiters)
        {
            foreach (var waiter in _waiters.Where(w => w.Match(scorecard)).ToList())
            {
                waiter.Done.TrySetResult(scorecard);
                _waiters.Remove(waiter);
            }
        }

        return Task.CompletedTask;
    }

    public ConcurrentQueue<HourlySummary> Hourly { get; } = new();

    public Task PublishHourlyAsync(HourlySummary summary)
    {
        Hourly.Enqueue(summary);
        return Task.CompletedTask;
    }

    public Task<Scorecard> WaitFor(Func<Scorecard, bool> match)
    {
        lock (_waiters)
        {
            if (_published.FirstOrDefault(match) is { } already)
            {
                return Task.FromResult(already);
            }

            var done = new TaskCompletionSource<Scorecard>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
