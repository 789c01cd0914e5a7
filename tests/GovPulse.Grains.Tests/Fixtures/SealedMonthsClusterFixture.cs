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

        // The policy these tests' dates were chosen around (a week's grace, 62 days with open dossiers,
        // no quiet time, no folding of a running month), not the default, so a change of the default does not move them.
        Settings["GovPulse:Ledger:SealAfter"] = "7.00:00:00";
        Settings["GovPulse:Ledger:SealOpenAfter"] = "62.00:00:00";
        Settings["GovPulse:Ledger:QuietFor"] = "00:00:00";
        Settings["GovPulse:Ledger:RunningFoldAt"] = "";
    }
}
