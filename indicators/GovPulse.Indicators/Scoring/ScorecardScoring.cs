namespace GovPulse.Indicators.Scoring;

/// <summary>
/// Scores a unit's indicator counts into the 766 index (indicators-766.md §3): each indicator's
/// points rounded to 2 decimals, a group's score the sum of those rounded points, the total the sum
/// of the groups. Rounding before summing is the portal's way [portal]: a commune's DIGITIZATION
/// shows 9.31 where the unrounded sum (9.2949) would give 9.29.
/// </summary>
public static class ScorecardScoring
{
    /// <summary>
    /// Scores <paramref name="inputs"/>. An indicator absent from them scores 0 and is listed in
    /// <see cref="ScorecardScore.Missing"/> (AVG_PROCESSING_DAYS too, though it never scores).
    /// </summary>
    /// <exception cref="ArgumentException">An indicator appears twice, or a code is not one of the
    /// index: the caller (POST /score) should reject such a body rather than guess [choice].</exception>
    public static ScorecardScore Score(IEnumerable<IndicatorInput> inputs, BandThresholds? bands = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);

        var given = new IndicatorInput?[IndicatorCatalog.Indicators.Count];
        foreach (var input in inputs)
        {
            ArgumentNullException.ThrowIfNull(input, nameof(inputs));
            var at = (int)IndicatorCatalog.Get(input.Code).Code;
            if (given[at] is not null)
            {
                throw new ArgumentException($"{input.Code} appears more than once; send each indicator once.", nameof(inputs));
            }

            given[at] = input;
        }

        var groups = new GroupScore[IndicatorCatalog.Groups.Count];
        var missing = new List<IndicatorCode>();
        var total = 0m;
        for (var g = 0; g < groups.Length; g++)
        {
            var group = IndicatorCatalog.Groups[g];
            var scores = new IndicatorScore[group.Indicators.Count];
            var groupScore = 0m;
            for (var i = 0; i < scores.Length; i++)
            {
                var indicator = group.Indicators[i];
                if (given[(int)indicator.Code] is { } input)
                {
                    scores[i] = indicator.Score(input.Numerator, input.Denominator);
                }
                else
                {
                    scores[i] = indicator.Missing();
                    missing.Add(indicator.Code);
                }

                groupScore += scores[i].Points;
            }

            groups[g] = new GroupScore(group.Code, groupScore, group.Max, Array.AsReadOnly(scores));
            total += groupScore;
        }

        missing.Sort();
        return new ScorecardScore(total, (bands ?? BandThresholds.Default).BandOf(total), Array.AsReadOnly(groups), missing.AsReadOnly());
    }
}
