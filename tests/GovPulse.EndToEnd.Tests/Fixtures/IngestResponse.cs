namespace GovPulse.EndToEnd.Tests.Fixtures;

public sealed record IngestResponse(int Accepted, int Duplicates, List<RejectedLine> Rejected);

public sealed record RejectedLine(int Line, string? EventId, string Error);

public sealed record ScorecardResponse(string UnitCode, string Name, string Period, DateTimeOffset EvaluatedAt, CountsResponse Counts);

public sealed record CountsResponse(long Received, long Finished);
