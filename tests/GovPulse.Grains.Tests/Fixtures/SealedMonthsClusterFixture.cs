namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A cluster with a standing clock on which September and October 2026 are past the 62-day grace,
/// sealed even with open dossiers; December is not yet sealable.
/// </summary>
public sealed class SealedMonthsClusterFixture : StandingClockClusterFixture
{
    public SealedMonthsClusterFixture()
    {
        // The policy these tests' dates were chosen around (a week's grace, 62 days with open dossiers,
        // no quiet time, no folding of a running month), not the default, so a change of the default does not move them.
        Settings["GovPulse:Ledger:SealAfter"] = "7.00:00:00";
        Settings["GovPulse:Ledger:SealOpenAfter"] = "62.00:00:00";
        Settings["GovPulse:Ledger:QuietFor"] = "00:00:00";
        Settings["GovPulse:Ledger:RunningFoldAt"] = "";
    }
}
