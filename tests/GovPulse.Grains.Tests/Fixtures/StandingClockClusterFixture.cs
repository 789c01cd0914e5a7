using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A cluster whose scoring clock stands still on 20 January 2027, so which months a unit seals does not
/// depend on the day the tests run.
/// </summary>
public abstract class StandingClockClusterFixture : UnitClusterFixture
{
    public static DateTimeOffset Now { get; } = new(2027, 1, 20, 10, 0, 0, TimeSpan.FromHours(7));

    protected StandingClockClusterFixture()
    {
        Clock = new ScoringClock(new FakeTimeProvider(Now));
    }
}
