namespace GovPulse.Indicators.Units;

/// <summary>The three levels the national portal scores: the province (city), its departments, its communes.</summary>
public enum UnitKind
{
    City,
    Department,
    Commune,
}
