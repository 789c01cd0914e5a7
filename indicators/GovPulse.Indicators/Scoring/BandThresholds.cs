namespace GovPulse.Indicators.Scoring;

/// <summary>
/// The lowest total of each band. ≥ 90 Xuất sắc and &lt; 50 Yếu are the portal's [portal press];
/// the middle cut-offs (80 Tốt, 70 Khá, 50 Trung bình) are not confirmed anywhere, so they are
/// GovPulse's defaults and configurable [choice] (indicators-766.md §3).
/// </summary>
/// <remarks>
/// A total sits in a band when it is ≥ that band's threshold and below the next one up, compared
/// exactly on the 2-decimal total: 90 is Xuất sắc, 89.99 is Tốt. Equal thresholds are allowed and
/// leave the lower band empty.
/// </remarks>
public sealed class BandThresholds
{
    public BandThresholds(decimal excellent = 90m, decimal good = 80m, decimal fair = 70m, decimal average = 50m)
    {
        if (!(0m <= average && average <= fair && fair <= good && good <= excellent && excellent <= IndicatorCatalog.MaxTotal))
        {
            throw new ArgumentException(
                FormattableString.Invariant(
                    $"Band thresholds must satisfy 0 ≤ average ≤ fair ≤ good ≤ excellent ≤ 100; got {average}, {fair}, {good}, {excellent}."));
        }

        Excellent = excellent;
        Good = good;
        Fair = fair;
        Average = average;
    }

    public static BandThresholds Default { get; } = new();

    /// <summary>Lowest total of Xuất sắc.</summary>
    public decimal Excellent { get; }

    /// <summary>Lowest total of Tốt.</summary>
    public decimal Good { get; }

    /// <summary>Lowest total of Khá.</summary>
    public decimal Fair { get; }

    /// <summary>Lowest total of Trung bình; anything below is Yếu.</summary>
    public decimal Average { get; }

    public Band BandOf(decimal total) =>
        total >= Excellent ? Band.Excellent
        : total >= Good ? Band.Good
        : total >= Fair ? Band.Fair
        : total >= Average ? Band.Average
        : Band.Weak;
}
