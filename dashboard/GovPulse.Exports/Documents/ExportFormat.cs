namespace GovPulse.Exports.Documents;

/// <summary>The file an export is written as (<c>format=csv|xlsx|pdf|png|svg</c>).</summary>
public enum ExportFormat
{
    Csv,
    Xlsx,
    Pdf,
    Png,
    Svg,
}
