using GovPulse.Indicators.Units;

namespace GovPulse.Notifications.Summaries;

/// <summary>
/// What changed between two published hours: every unit's standing then and now, and how many open
/// dossiers of each unit turned overdue in (<see cref="From"/>, <see cref="To"/>].
/// </summary>
/// <param name="Then">Standings at the earlier hour; empty when no hour was published before.</param>
/// <param name="NewOverdue">By unit code; units without any are left out.</param>
public sealed record FiguresSpan(
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyDictionary<string, UnitStanding> Then,
    IReadOnlyDictionary<string, UnitStanding> Now,
    IReadOnlyDictionary<string, int> NewOverdue)
{
    /// <summary>The units of <paramref name="audience"/> whose band changed: the communes for the city, the unit itself for one unit; by name.</summary>
    public IReadOnlyList<BandChange> BandChanges(SummaryAudience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return Now.Values
            .Where(u => audience.IsCity ? u.Kind == UnitKind.Commune : u.UnitCode == audience.UnitCode)
            .Select(u => (Now: u, Then: Then.GetValueOrDefault(u.UnitCode)))
            .Where(p => p.Now.Band is not null && p.Then?.Band is not null && p.Now.Band != p.Then.Band)
            .OrderBy(p => p.Now.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Now.UnitCode, StringComparer.Ordinal)
            .Select(p => new BandChange(p.Now.UnitCode, p.Now.Name, p.Then!.Band!, p.Now.Band!))
            .ToList();
    }

    /// <summary>Dossiers newly overdue in the span: every unit's for the city, the unit's own otherwise.</summary>
    public int NewOverdueOf(SummaryAudience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return audience.IsCity ? NewOverdue.Values.Sum() : NewOverdue.GetValueOrDefault(audience.UnitCode!);
    }
}
