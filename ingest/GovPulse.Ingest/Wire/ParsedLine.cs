using GovPulse.Indicators.Events;

namespace GovPulse.Ingest.Wire;

/// <summary>A well-formed event and the line it came from.</summary>
public sealed record ParsedLine(int Line, UnitEvent Event);
