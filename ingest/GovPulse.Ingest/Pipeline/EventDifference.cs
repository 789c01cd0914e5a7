using System.Reflection;
using System.Text.Json;
using GovPulse.Indicators.Events;

namespace GovPulse.Ingest.Pipeline;

/// <summary>
/// Which fields two events with one id differ in, named as on the wire, for the rejection of a
/// reused id: the sender learns what changed without the answer repeating the stored event. Fields
/// are compared as read (a time is its instant, whatever offset it was written in).
/// </summary>
internal static class EventDifference
{
    private static readonly PropertyInfo[] Fields = typeof(UnitEvent)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.SetMethod is not null)
        .ToArray();

    public static IReadOnlyList<string> Between(UnitEvent stored, UnitEvent sent) =>
        Fields.Where(p => !Equals(p.GetValue(stored), p.GetValue(sent)))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .ToList();
}
