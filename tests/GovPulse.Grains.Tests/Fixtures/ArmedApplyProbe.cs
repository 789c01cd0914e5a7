using System.Collections.Concurrent;
using GovPulse.Indicators.Events;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>A probe that makes one step of one unit's next Apply fail once, and poisons chosen events for good.</summary>
public sealed class ArmedApplyProbe : UnitApplyProbe
{
    private readonly ConcurrentDictionary<string, UnitApplyStep> _armed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _poison = new(StringComparer.Ordinal);

    /// <summary>The next time <paramref name="unitCode"/> reaches <paramref name="step"/>, it fails (once).</summary>
    public void Arm(string unitCode, UnitApplyStep step) => _armed[unitCode] = step;

    /// <summary>The ledger "cannot apply" this event, live or on any rebuild.</summary>
    public void Poison(string eventId) => _poison[eventId] = true;

    public override void Reached(UnitApplyStep applyStep, string unitCode)
    {
        if (_armed.TryGetValue(unitCode, out var armed) && armed == applyStep && _armed.TryRemove(unitCode, out _))
        {
            throw new InvalidOperationException($"Test failure at step {applyStep} of unit {unitCode}");
        }
    }

    public override void Applying(UnitEvent unitEvent)
    {
        if (_poison.ContainsKey(unitEvent.EventId))
        {
            throw new FormatException($"The ledger cannot apply event {unitEvent.EventId}");
        }
    }
}
