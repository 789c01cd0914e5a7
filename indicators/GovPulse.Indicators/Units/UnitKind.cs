namespace GovPulse.Indicators.Units;

/// <summary>
/// The levels the national portal scores. <see cref="City"/> and <see cref="Province"/> are both the
/// province level (a centrally-run city such as Ho Chi Minh City, or a province); <see cref="Nation"/>
/// pools the provinces. New members go last: the values travel between nodes as numbers.
/// </summary>
public enum UnitKind
{
    City,
    Department,
    Commune,
    Province,
    Nation,
}
