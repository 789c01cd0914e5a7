using GovPulse.Ingest.Wire;
using GovPulse.Security.Keys;

namespace GovPulse.Ingest.Security;

/// <summary>
/// A batch after the key's scope: <see cref="Batch"/> holds the lines the key may send, and its
/// rejections include one per refused line (status 403).
/// </summary>
/// <param name="AllRefused">Every line was refused for scope: the whole request is answered 403.</param>
public sealed record ScopedBatch(ParsedBatch Batch, bool AllRefused)
{
    /// <summary>
    /// Refuses the lines of units outside <paramref name="scope"/> (as rejections, the batch's other
    /// lines kept); <see cref="AllRefused"/> when every line of a non-empty batch was refused for scope.
    /// </summary>
    public static ScopedBatch Check(KeyScope scope, ParsedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(batch);
        if (scope.IsEverything)
        {
            return new ScopedBatch(batch, AllRefused: false);
        }

        var allowed = new List<ParsedLine>(batch.Lines.Count);
        var refused = new List<Rejection>();
        foreach (var line in batch.Lines)
        {
            if (scope.Allows(line.Event.UnitCode))
            {
                allowed.Add(line);
            }
            else
            {
                refused.Add(new Rejection(
                    line.Line,
                    line.Event.EventId,
                    $"line {line.Line}: unitCode {ShownValue.Quoted(line.Event.UnitCode)} is not allowed for this key (it may send {scope.Named})",
                    Rejection.Forbidden));
            }
        }

        return new ScopedBatch(
            new ParsedBatch(allowed, [.. batch.Rejected, .. refused]),
            AllRefused: refused.Count > 0 && allowed.Count == 0 && batch.Rejected.Count == 0);
    }
}
