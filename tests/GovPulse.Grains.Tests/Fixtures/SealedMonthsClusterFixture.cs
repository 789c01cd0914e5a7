using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A cluster whose scoring clock stands still on 20 January 2027, so which months a unit seals does not
/// depend on the day the tests run: September and October 2026 are past the 62-day grace, sealed even
/// with open dossiers; December is not yet sealable.
/// </summary>
public sealed class SealedMonthsClusterFixture : UnitClusterFixture
{
    public static DateTimeOffset Now { get; } = new(2027, 1, 20, 10, 0, 0, TimeSpan.FromHours(7));

    public SealedMonthsClusterFixture()
    {
        Clock = new ScoringClock(new FakeTimeProvider(Now));
    }
}
