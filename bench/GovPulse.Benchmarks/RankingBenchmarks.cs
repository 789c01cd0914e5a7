using BenchmarkDotNet.Attributes;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Benchmarks;

/// <summary>
/// Ranking 3,500 units (about a whole country of communes) by their 2-decimal totals, with the
/// tie-breakers (PROGRESS, dossiers received, code): totals cluster, so many units share one.
/// </summary>
[Config(typeof(SuiteConfig))]
public class RankingBenchmarks
{
    public const int Units = 3_500;

    private RankingKey[] _keys = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(766);
        _keys = new RankingKey[Units];
        for (var i = 0; i < Units; i++)
        {
            // Totals around 80 (most units between 65 and 95), PROGRESS out of 20, a few hundred to a few thousand dossiers.
            var total = Math.Clamp(80 + (Gaussian(random) * 7), 30, 100);
            var progress = Math.Clamp(20 * (total / 100) + (Gaussian(random) * 1.5), 0, 20);
            _keys[i] = new RankingKey(
                (10_000 + (i * 7)).ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
                Math.Round((decimal)total, 2),
                Math.Round((decimal)progress, 2),
                random.Next(200, 6_000));
        }

        random.Shuffle(_keys);
        Console.WriteLine($"// {Units:N0} units, {_keys.Select(k => k.Total).Distinct().Count():N0} distinct totals");
    }

    [Benchmark]
    public IReadOnlyList<RankedUnit<RankingKey>> Rank_3500_units() => Ranking.Rank(_keys);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
