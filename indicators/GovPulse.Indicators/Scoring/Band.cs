namespace GovPulse.Indicators.Scoring;

/// <summary>
/// A band (xếp loại) of the total, named as glossary-vi.md names it. Only Xuất sắc (≥ 90) and
/// Yếu (&lt; 50) are confirmed by the portal's press [portal press]; see <see cref="BandThresholds"/>.
/// </summary>
public sealed record Band(string Vietnamese, string English)
{
    public static Band Excellent { get; } = new("Xuất sắc", "Excellent");

    public static Band Good { get; } = new("Tốt", "Good");

    public static Band Fair { get; } = new("Khá", "Fair");

    public static Band Average { get; } = new("Trung bình", "Average");

    public static Band Weak { get; } = new("Yếu", "Weak");

    /// <summary>Best first.</summary>
    public static IReadOnlyList<Band> All { get; } = [Excellent, Good, Fair, Average, Weak];

    /// <summary>The band whose Vietnamese name (as a <see cref="Scorecard"/> carries it) is <paramref name="vietnamese"/>.</summary>
    public static Band? FromVietnamese(string? vietnamese) =>
        All.FirstOrDefault(b => string.Equals(b.Vietnamese, vietnamese, StringComparison.Ordinal));

    public override string ToString() => Vietnamese;
}
