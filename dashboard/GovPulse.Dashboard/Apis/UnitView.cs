using GovPulse.Indicators.Units;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// A unit as the API shows it: <c>{ code, name, kind, parentCode, synthetic }</c>, kind in lower case;
/// <c>synthetic</c> is true for a unit a load-test directory made up (<see cref="SyntheticNation"/>), never a real one.
/// </summary>
public sealed record UnitView(string Code, string Name, string Kind, string? ParentCode, bool Synthetic)
{
    public static UnitView From(Unit unit, UnitDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(directory);
        return new(unit.Code, unit.Name, unit.Kind.ToString().ToLowerInvariant(), unit.ParentCode, directory.IsSynthetic(unit.Code));
    }
}
