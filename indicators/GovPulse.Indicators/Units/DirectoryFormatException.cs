namespace GovPulse.Indicators.Units;

/// <summary>A unit directory file that cannot be used; the message names the file, the line and the field.</summary>
public sealed class DirectoryFormatException(string message) : Exception(message);
