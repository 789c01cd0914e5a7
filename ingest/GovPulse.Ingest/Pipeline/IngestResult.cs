using GovPulse.Ingest.Wire;

namespace GovPulse.Ingest.Pipeline;

/// <summary>The ingest response: <c>{ accepted, duplicates, rejected }</c>.</summary>
public sealed record IngestResult(int Accepted, int Duplicates, IReadOnlyList<Rejection> Rejected);
