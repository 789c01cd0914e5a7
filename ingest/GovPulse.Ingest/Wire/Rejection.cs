namespace GovPulse.Ingest.Wire;

/// <summary>A line that was not accepted, and why (the <c>rejected</c> items of the ingest response).</summary>
/// <param name="Line">1-based line of the NDJSON body, or 1-based position in a JSON array.</param>
public sealed record Rejection(int Line, string? EventId, string Error);
