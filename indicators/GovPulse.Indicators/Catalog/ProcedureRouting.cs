namespace GovPulse.Indicators.Catalog;

/// <summary>
/// Which city department handles the procedures of each field (<c>field-departments.csv</c>):
/// land goes to Agriculture and Environment, business registration to Finance, civil status and
/// judicial records to Justice… A field may have more than one department (investment: Finance, or
/// the industrial zones' board), or none of the index's units: vehicle registration, driving
/// licences, passports and identity cards are the police's, social and health insurance the social
/// insurance agency's. Communes are not routed here: they handle their own level's procedures.
/// </summary>
public sealed class ProcedureRouting
{
    private readonly Dictionary<string, string[]> _departments;

    public ProcedureRouting(IEnumerable<(string Field, string? Department)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _departments = rows
            .GroupBy(r => r.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Department).OfType<string>().Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The mapping the simulator uses, embedded from <c>Catalog/field-departments.csv</c>.</summary>
    public static ProcedureRouting Reference { get; } = new(CsvRecord.ReadEmbedded("field-departments.csv").Select(r => (r[0].Trim(), (string?)(r.Length > 1 ? r[1].Trim() : null))));

    /// <summary>Every field the mapping names, with or without a department.</summary>
    public IReadOnlyCollection<string> Fields => _departments.Keys;

    /// <summary>The departments that handle <paramref name="field"/>; empty when none of the index's units does or the field is not mapped.</summary>
    public IReadOnlyList<string> DepartmentsFor(string field) => _departments.GetValueOrDefault(field) ?? [];

    /// <summary>The catalogue's city-level procedures (province or both) whose field maps to <paramref name="departmentCode"/>.</summary>
    public IReadOnlyList<Procedure> ProceduresOf(string departmentCode, ProcedureCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.All
            .Where(p => p.Level != ProcedureLevel.Commune && DepartmentsFor(p.Field).Contains(departmentCode, StringComparer.Ordinal))
            .ToArray();
    }
}
