namespace GovPulse.Exports.Explanations;

/// <summary>How the explained items are answered: a JSON page, or the whole list as a CSV or Excel file.</summary>
public enum ExplanationFormat
{
    Json,
    Csv,
    Xlsx,
}
