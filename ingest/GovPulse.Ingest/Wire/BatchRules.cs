using GovPulse.Ingest.Security;

namespace GovPulse.Ingest.Wire;

/// <summary>What one batch is read against: the size limits and this node's clock at the time it arrived.</summary>
/// <param name="Now">This node's clock (the injected <see cref="TimeProvider"/>), for the far-future check.</param>
/// <param name="FutureTolerance">How far after <paramref name="Now"/> an <c>occurredAt</c> may be.</param>
/// <param name="MaxLineBytes">Longest line or array element, in bytes (413 above).</param>
/// <param name="MaxLinesPerBatch">Most events in one batch (413 above).</param>
public sealed record BatchRules(DateTimeOffset Now, TimeSpan FutureTolerance, int MaxLineBytes, int MaxLinesPerBatch)
{
    public static BatchRules From(IngestOptions options, TimeProvider time) =>
        new(time.GetUtcNow(), options.FutureTolerance, options.MaxLineBytes, options.MaxLinesPerBatch);

    /// <summary>The latest <c>occurredAt</c> accepted.</summary>
    public DateTimeOffset Latest => Now + FutureTolerance;
}
