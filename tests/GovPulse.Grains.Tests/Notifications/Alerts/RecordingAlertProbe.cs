using GovPulse.Indicators.Scoring;
using GovPulse.Notifications.Alerts;

namespace GovPulse.Grains.Tests.Notifications.Alerts;

/// <summary>Lets a test await the moment a unit's alerts grain has finished with a scorecard (judged, stored, sent).</summary>
public sealed class RecordingAlertProbe : AlertEvaluationProbe
{
    private readonly List<(string Unit, Scorecard Scorecard, Exception? Failure)> _judged = [];
    private readonly List<(Func<string, Scorecard, bool> Match, TaskCompletionSource<Scorecard> Done)> _waiters = [];

    public override void Judged(string unitCode, Scorecard scorecard, Exception? failure)
    {
        lock (_judged)
        {
            _judged.Add((unitCode, scorecard, failure));
            foreach (var waiter in _waiters.Where(w => w.Match(unitCode, scorecard)).ToList())
            {
                if (failure is null)
                {
                    waiter.Done.TrySetResult(scorecard);
                }
                else
                {
                    waiter.Done.TrySetException(failure);
                }

                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>The first scorecard of <paramref name="unit"/> judged from now on that matches.</summary>
    public Task<Scorecard> Next(string unit, Func<Scorecard, bool> match)
    {
        var done = new TaskCompletionSource<Scorecard>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_judged)
        {
            _waiters.Add(((u, s) => u == unit && match(s), done));
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
