using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A cluster with the default sealing policy (a running month folds 500 closed, quiet dossiers at a time)
/// whose scoring clock stands still on 20 January 2027: a backfill of October 2026 is judged by its
/// traffic, not by the clock, while it is sent.
/// </summary>
public sealed class RunningMonthsClusterFixture : UnitClusterFixture
{
    public static DateTimeOffset Now { get; } = new(2027, 1, 20, 10, 0, 0, TimeSpan.FromHours(7));

    public RunningMonthsClusterFixture()
    {
        Clock = new ScoringClock(new FakeTimeProvider(Now));
    }
}
