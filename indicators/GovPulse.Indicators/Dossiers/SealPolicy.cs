namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// When a month may be sealed. A month is sealed once now ≥ its end + <see cref="AfterMonthEnd"/> and
/// every dossier and petition received in it is closed (a finishing fact) with no fact dated after now.
/// Once now ≥ its end + <see cref="SealOpenAfter"/> (null: never) it is sealed even with open dossiers or
/// petitions; those stay live (in memory, tallied as before) beside the sealed tally.
/// </summary>
/// <remarks>
/// A closed dossier or petition folds only once nothing has happened to it for <see cref="QuietFor"/>
/// (weekdays off, such as Tết's, not counted: offices are closed then): results, payments and ratings
/// follow a finish by hours or days, and each such event about a folded dossier would reopen its month
/// from the log (seconds for a department's month). Until then it stays
/// live and folds at a later pass (a month sealed before is sealed again once enough of what it left
/// live can fold).
/// <para>
/// A month not yet <see cref="AfterMonthEnd"/> past its end (the running month, or the last one in its
/// grace) folds its closed, quiet dossiers and petitions once at least <see cref="RunningFoldAt"/> of them
/// (null: never) and at least a quarter of what it holds live can fold; the rest stay live, and new
/// receipts dated in it are added live beside its sealed tally. Without this a unit holds its whole
/// running month in memory: a national month backfilled at once, 3.7 million dossiers.
/// </para>
/// </remarks>
public sealed record SealPolicy(TimeSpan AfterMonthEnd, TimeSpan? SealOpenAfter, TimeSpan QuietFor = default, int? RunningFoldAt = null)
{
    /// <summary>
    /// A week after the month for late deliveries and finishing facts; ten days after it, the month folds
    /// even with open dossiers; a closed dossier folds after a quiet week. A unit then holds about its last
    /// month and a third of dossiers, plus those still open. Measured (docs/benchmarks.md, "Memory over a
    /// year"): shorter times (3, 5 and 3 days) held fewer dossiers but sealed and resealed so much more
    /// often, each seal saving the unit's live segment, that the node used more memory and ran slower.
    /// A running month folds 100 or more closed, quiet dossiers at a time: at 500 an average synthetic
    /// commune (about 1,100 dossiers a month) folded once, late in the month; at 100 the nation ran faster
    /// in less memory (docs/benchmarks.md, "Folding the running month", in the synthetic nation's results).
    /// </summary>
    public static SealPolicy Default { get; } = new(TimeSpan.FromDays(7), TimeSpan.FromDays(10), TimeSpan.FromDays(7), 100);
}
