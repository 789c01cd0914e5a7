namespace GovPulse.Indicators.Catalog;

/// <summary>A catalogue file that cannot be read; the message names the source, the line and the field.</summary>
public sealed class CatalogFormatException(string message) : Exception(message);
