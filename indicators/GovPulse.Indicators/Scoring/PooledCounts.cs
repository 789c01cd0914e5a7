namespace GovPulse.Indicators.Scoring;

/// <summary>
/// A parent's indicator counts from its children's and its own: per indicator, the sum of the
/// numerators over the sum of the denominators, never an average of ratios [portal]
/// (indicators-766.md §3). A ward of 10 dossiers and a ward of 10,000 weigh as their dossiers do.
/// </summary>
public static class PooledCounts
{
    /// <summary>
    /// Pools the inputs of several units (the parent's own among them, if it has any).
    /// </summary>
    /// <remarks>
    /// Per indicator: a unit whose numerator or denominator is null adds nothing [choice]; if no
    /// unit has both, the pooled input is null/null ("no data"). So a "none ⇒ max" indicator
    /// (petitions, certified copies) pools as no data only if every unit has none — one ward's
    /// 3/5 petitions makes the parent 3/5, not 6 points. An indicator no unit reports stays absent
    /// (the scorecard then lists it as missing). Output is in portal order.
    /// </remarks>
    public static IReadOnlyList<IndicatorInput> Pool(IEnumerable<IEnumerable<IndicatorInput>> units)
    {
        ArgumentNullException.ThrowIfNull(units);

        var count = IndicatorCatalog.Indicators.Count;
        var numerators = new decimal[count];
        var denominators = new decimal[count];
        var seen = new bool[count];
        var withData = new bool[count];

        foreach (var unit in units)
        {
            ArgumentNullException.ThrowIfNull(unit, nameof(units));
            foreach (var input in unit)
            {
                ArgumentNullException.ThrowIfNull(input, nameof(units));
                var at = (int)IndicatorCatalog.Get(input.Code).Code;
                seen[at] = true;
                if (input is { Numerator: { } numerator, Denominator: { } denominator })
                {
                    numerators[at] += numerator;
                    denominators[at] += denominator;
                    withData[at] = true;
                }
            }
        }

        var pooled = new List<IndicatorInput>(count);
        for (var at = 0; at < count; at++)
        {
            if (seen[at])
            {
                var code = (IndicatorCode)at;
                pooled.Add(withData[at] ? new IndicatorInput(code, numerators[at], denominators[at]) : IndicatorInput.NoData(code));
            }
        }

        return pooled.AsReadOnly();
    }
}
