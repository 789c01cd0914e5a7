namespace GovPulse.Indicators.Catalog;

/// <summary>
/// The procedures a province publishes. The reference list embedded beside this type holds 109
/// real procedures with national codes; a city's own catalogue is imported with
/// <see cref="ProcedureCatalogReader"/> (CSV or JSON).
/// </summary>
public sealed class ProcedureCatalog(IEnumerable<Procedure> procedures)
{
    public IReadOnlyList<Procedure> All { get; } = procedures.ToArray();

    public static ProcedureCatalog Reference { get; } = LoadReference();

    public Procedure? Find(string code) => All.FirstOrDefault(p => p.Code == code);

    private static ProcedureCatalog LoadReference()
    {
        var assembly = typeof(ProcedureCatalog).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".vn-procedures.csv", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return ProcedureCatalogReader.ReadCsv(reader.ReadToEnd(), "vn-procedures.csv");
    }
}
