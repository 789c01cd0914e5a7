namespace GovPulse.Ingest.Wire;

/// <summary>A body split into well-formed events and rejected lines; valid lines are never dropped because of bad ones.</summary>
public sealed record ParsedBatch(IReadOnlyList<ParsedLine> Lines, IReadOnlyList<Rejection> Rejected);
