namespace GovPulse.Ingest.Wire;

/// <summary>A line that was not accepted, and why (the <c>rejected</c> items of the ingest response).</summary>
/// <param name="Line">1-based line of the NDJSON body, or 1-based position in a JSON array.</param>
/// <param name="Status">The HTTP status the line alone would have got: 400 for a line wrong in itself, 403 for a unit the key may not send.</param>
public sealed record Rejection(int Line, string? EventId, string Error, int Status = Rejection.Invalid)
{
    public const int Invalid = 400;
    public const int Forbidden = 403;
}
