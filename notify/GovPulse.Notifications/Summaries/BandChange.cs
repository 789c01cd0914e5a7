namespace GovPulse.Notifications.Summaries;

/// <summary>A unit that moved from one band to another over a span (bands by their Vietnamese names).</summary>
public sealed record BandChange(string UnitCode, string Name, string From, string To);
