using GovPulse.Indicators.Units;

namespace GovPulse.Dashboard.Apis;

/// <summary>A unit as the API shows it: <c>{ code, name, kind, parentCode }</c>, kind in lower case.</summary>
public sealed record UnitView(string Code, string Name, string Kind, string? ParentCode)
{
    public static UnitView From(Unit unit) => new(unit.Code, unit.Name, unit.Kind.ToString().ToLowerInvariant(), unit.ParentCode);
}
