namespace GovPulse.Indicators.Snapshots;

/// <summary>A snapshot that cannot be read (another format version, or damaged): rebuild from the events instead.</summary>
public sealed class SnapshotFormatException(string message, Exception? inner = null) : Exception(message, inner);
