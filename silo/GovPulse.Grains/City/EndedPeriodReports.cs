using GovPulse.Indicators.Periods;

namespace GovPulse.Grains.City;

/// <summary>
/// The units' reports of ended periods the city has been asked for, per period, the least recently
/// asked period out first once more than <see cref="Capacity"/> are kept (a period of every unit
/// holds a few hundred kilobytes for the city's 186 units).
/// </summary>
internal sealed class EndedPeriodReports(int capacity)
{
    private readonly Dictionary<Period, LinkedListNode<(Period Period, Dictionary<string, KeptUnitReport> Units)>> _periods = [];
    private readonly LinkedList<(Period Period, Dictionary<string, KeptUnitReport> Units)> _recent = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "keep at least one period");

    public int Count => _periods.Count;

    /// <summary>The period's kept reports by unit code (empty when new), now the most recently used.</summary>
    public Dictionary<string, KeptUnitReport> Of(Period period)
    {
        if (_periods.TryGetValue(period, out var node))
        {
            _recent.Remove(node);
            _recent.AddFirst(node);
            return node.Value.Units;
        }

        var units = new Dictionary<string, KeptUnitReport>(StringComparer.Ordinal);
        _periods[period] = _recent.AddFirst((period, units));
        while (_periods.Count > Capacity)
        {
            _periods.Remove(_recent.Last!.Value.Period);
            _recent.RemoveLast();
        }

        return units;
    }
}
