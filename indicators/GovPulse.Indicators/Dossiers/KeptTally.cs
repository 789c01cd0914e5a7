using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Dossiers;

/// <summary>A tally kept for reuse: good for the ledger version it was counted at, over evaluation times [From, Until) and at At itself (UTC ticks).</summary>
internal sealed record KeptTally(Period Period, long Version, long At, long From, long Until, DossierTally Tally)
{
    public bool Holds(long evaluatedAt) => evaluatedAt == At || (From <= evaluatedAt && evaluatedAt < Until);
}
