namespace GovPulse.Indicators.Catalog;

/// <summary>Which level handles a procedure: commune, province (city departments), or both.</summary>
public enum ProcedureLevel
{
    Commune,
    Province,
    Both,
}
