using System.Globalization;

namespace GovPulse.Indicators.Catalog;

/// <summary>The procedures GovPulse knows, from the reference list embedded beside this type (real national codes).</summary>
public sealed class ProcedureCatalog(IEnumerable<Procedure> procedures)
{
    public IReadOnlyList<Procedure> All { get; } = procedures.ToArray();

    public static ProcedureCatalog Reference { get; } = new(CsvRecord.ReadEmbedded("vn-procedures.csv").Select(FromRow));

    private static Procedure FromRow(string[] r) => new(
        r[0],
        r[1],
        r[2],
        r[3] switch { "commune" => ProcedureLevel.Commune, "province" => ProcedureLevel.Province, _ => ProcedureLevel.Both },
        int.TryParse(r[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : null,
        decimal.TryParse(r[5], NumberStyles.Number, CultureInfo.InvariantCulture, out var fee) ? fee : null);
}
