namespace GovPulse.Indicators.Scoring;

/// <summary>
/// An indicator's scoring shape: linear(max) or threshold(max, t) (indicators-766.md §1), or
/// display only. Linear is threshold with t = 1, which is how the arithmetic treats it.
/// </summary>
public sealed record ScoreShape
{
    private ScoreShape(ScoreShapeKind kind, decimal fullPointsAt)
    {
        Kind = kind;
        FullPointsAt = fullPointsAt;
    }

    public static ScoreShape Linear { get; } = new(ScoreShapeKind.Linear, 1m);

    public static ScoreShape DisplayOnly { get; } = new(ScoreShapeKind.DisplayOnly, 1m);

    public ScoreShapeKind Kind { get; }

    /// <summary>The ratio t at which the indicator earns full points; 1 for linear.</summary>
    public decimal FullPointsAt { get; }

    public static ScoreShape Threshold(decimal fullPointsAt)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fullPointsAt);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fullPointsAt, 1m);
        return new ScoreShape(ScoreShapeKind.Threshold, fullPointsAt);
    }

    /// <summary>
    /// Unrounded points for <paramref name="held"/> of <paramref name="denominator"/>, where
    /// 0 ≤ held ≤ denominator and denominator &gt; 0 (the ratio already clamped to [0, 1]).
    /// </summary>
    /// <remarks>
    /// Multiplies before the single division, so a value that is exactly x.xx5 (say 6 × 1/240 =
    /// 0.025) stays exact and rounds away from zero, instead of arriving as 0.02499… after a
    /// repeating ratio was cut at 28 digits.
    /// </remarks>
    public decimal PointsFor(decimal max, decimal held, decimal denominator)
    {
        if (Kind == ScoreShapeKind.DisplayOnly)
        {
            return 0m;
        }

        if (held >= FullPointsAt * denominator)
        {
            return max;
        }

        return ExactQuotient(max, held, denominator * FullPointsAt);
    }

    /// <summary>The ratio as a percentage, unrounded; same exactness argument as <see cref="PointsFor"/>.</summary>
    public static decimal PercentFor(decimal held, decimal denominator) => ExactQuotient(100m, held, denominator);

    /// <summary>factor × top / bottom with one division, falling back to dividing first for counts too
    /// large to multiply (beyond 10^24 — no real unit has that many dossiers).</summary>
    internal static decimal ExactQuotient(decimal factor, decimal top, decimal bottom) =>
        top <= 1e24m ? factor * top / bottom : factor * (top / bottom);

    public override string ToString() => Kind switch
    {
        ScoreShapeKind.Linear => "linear",
        ScoreShapeKind.Threshold => FormattableString.Invariant($"threshold({FullPointsAt})"),
        _ => "display only",
    };
}
