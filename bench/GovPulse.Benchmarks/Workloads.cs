namespace GovPulse.Benchmarks;

/// <summary>The suite's shared scenario: one large unit observed mid-month.</summary>
public static class Workloads
{
    /// <summary>Thursday 15 October 2026, 10:00 in Ho Chi Minh City: mid-month, mid-morning.</summary>
    public static DateTimeOffset Now { get; } = new(2026, 10, 15, 10, 0, 0, TimeSpan.FromHours(7));

    /// <summary>100,000 dossiers received from 1 August 2026 up to <see cref="Now"/> (about 2.5 months).</summary>
    public static UnitWorkload LargeUnit => large.Value;

    private static readonly Lazy<UnitWorkload> large = new(() => UnitWorkload.Create(100_000, new DateOnly(2026, 8, 1), Now));
}
