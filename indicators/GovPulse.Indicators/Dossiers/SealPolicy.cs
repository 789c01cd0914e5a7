namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// When a month may be sealed. A month is sealed once now ≥ its end + <see cref="AfterMonthEnd"/> and
/// every dossier and petition received in it is closed (a finishing fact) with no fact dated after now.
/// Once now ≥ its end + <see cref="SealOpenAfter"/> (null: never) it is sealed even with open dossiers or
/// petitions; those stay live (in memory, tallied as before) beside the sealed tally.
/// </summary>
public sealed record SealPolicy(TimeSpan AfterMonthEnd, TimeSpan? SealOpenAfter)
{
    /// <summary>A week after the month for late finishing facts; open ones no longer hold a month back after about two months.</summary>
    public static SealPolicy Default { get; } = new(TimeSpan.FromDays(7), TimeSpan.FromDays(62));
}
