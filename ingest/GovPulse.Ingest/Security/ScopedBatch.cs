using GovPulse.Ingest.Wire;

namespace GovPulse.Ingest.Security;

/// <summary>
/// A batch after the key's scope: <see cref="Batch"/> holds the lines the key may send, and its
/// rejections include one per refused line (status 403).
/// </summary>
/// <param name="AllRefused">Every line was refused for scope: the whole request is answered 403.</param>
public sealed record ScopedBatch(ParsedBatch Batch, bool AllRefused);
