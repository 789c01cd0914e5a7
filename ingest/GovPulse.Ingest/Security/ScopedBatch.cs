using GovPulse.Ingest.Pipeline;
using GovPulse.Ingest.Wire;
using Microsoft.AspNetCore.Http;

namespace GovPulse.Ingest.Security;

/// <summary>
/// A batch after the key's scope: <see cref="Batch"/> holds the lines the key may send, and its
/// rejections include one per refused line (their numbers in <see cref="RefusedLines"/>).
/// </summary>
/// <param name="AllRefused">Every line was refused for scope: the whole request is answered 403.</param>
public sealed record ScopedBatch(ParsedBatch Batch, IReadOnlySet<int> RefusedLines, bool AllRefused)
{
    /// <summary>The ingest response, each rejection with its status: 403 for a line refused for scope, 400 for a line wrong in itself.</summary>
    public ScopedIngestResult Answer(IngestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ScopedIngestResult(
            result.Accepted,
            result.Duplicates,
            [.. result.Rejected.Select(r => new LineRejection(
                r.Line,
                r.EventId,
                r.Error,
                RefusedLines.Contains(r.Line) ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest))]);
    }
}

/// <summary>
/// The ingest response of api-v1 (<c>{ accepted, duplicates, rejected }</c>) with one field added
/// to each rejection: <c>status</c>, the HTTP status the line alone would have got.
/// </summary>
public sealed record ScopedIngestResult(int Accepted, int Duplicates, IReadOnlyList<LineRejection> Rejected);

/// <summary>A rejected line: api-v1's <c>line</c>, <c>eventId</c>, <c>error</c>, and <c>status</c> (403 = not this key's unit, 400 = the line itself).</summary>
public sealed record LineRejection(int Line, string? EventId, string Error, int Status);
