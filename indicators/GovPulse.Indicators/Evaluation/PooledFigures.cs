using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Indicators.Evaluation;

/// <summary>
/// A pooled unit's figures from its members' own (the city grain, the hourly publication and the
/// figures known at an instant all pool through here): a province adds its units' numerators and
/// denominators and takes the province-wide publicity indicators from its own desk
/// (<see cref="UnitEvaluation.Pool"/>); the nation adds every unit's and, for the publicity
/// indicators, every province desk's.
/// </summary>
public static class PooledFigures
{
    /// <param name="directory">The units.</param>
    /// <param name="pooled">A province, a centrally-run city or the nation.</param>
    /// <param name="ownOf">Each member's own figures, by code (a member missing counts nothing).</param>
    public static UnitFigures Of(UnitDirectory directory, Unit pooled, Func<string, UnitFigures?> ownOf)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(pooled);
        ArgumentNullException.ThrowIfNull(ownOf);
        var members = directory.MembersOf(pooled.Code).Select(u => ownOf(u.Code) ?? UnitFigures.Empty).ToList();
        UnitFigures own;
        if (pooled.Kind == UnitKind.Nation)
        {
            var provinceDesks = directory.Provinces.Select(p => (ownOf(p.Code) ?? UnitFigures.Empty).Inputs.Where(i => UnitEvaluation.ProvinceWide.Contains(i.Code)));
            own = new UnitFigures(PooledCounts.Pool(provinceDesks), ScorecardCounts.Zero);
        }
        else
        {
            own = ownOf(pooled.Code) ?? UnitFigures.Empty;
        }

        return UnitEvaluation.Pool(members, own);
    }
}
