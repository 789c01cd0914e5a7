using System.ComponentModel.DataAnnotations;
using GovPulse.Indicators.Dossiers;

namespace GovPulse.Grains;

/// <summary>
/// Section <c>GovPulse:Ledger</c>: when a unit seals a receipt month, folding its dossiers into an
/// immutable tally that leaves memory (docs/architecture.md, "Sealed months").
/// </summary>
public sealed class LedgerOptions
{
    public const string Section = "GovPulse:Ledger";

    /// <summary>How long after a month ends it may be sealed, once every dossier and petition received in it is closed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan SealAfter { get; set; } = SealPolicy.Default.AfterMonthEnd;

    /// <summary>
    /// How long after a month ends it is sealed even with open dossiers or petitions (they stay in memory,
    /// beside the sealed tally); empty = never.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan? SealOpenAfter { get; set; } = SealPolicy.Default.SealOpenAfter;

    /// <summary>
    /// How long nothing must have happened to a closed dossier or petition before it folds into its sealed
    /// month (a later event about a folded one reopens the month from the log).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan QuietFor { get; set; } = SealPolicy.Default.QuietFor;

    /// <summary>
    /// How many closed, quiet dossiers and petitions a month not yet <see cref="SealAfter"/> past its end (the
    /// running month) must have before they fold (and at least a quarter of what it holds live); empty = such a
    /// month never folds, so a unit holds its whole running month in memory.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int? RunningFoldAt { get; set; } = SealPolicy.Default.RunningFoldAt;

    public SealPolicy Policy => new(SealAfter, SealOpenAfter, QuietFor, RunningFoldAt);
}
