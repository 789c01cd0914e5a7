using System.Collections.Concurrent;

namespace GovPulse.Grains;

/// <summary>
/// References to one kind of grain by key, each made once. Orleans' <c>GetGrain</c> finds the
/// interface's grain type by reflection (its custom attributes) on every call: with a reference
/// asked for per unit per batch, per push and per report, that was 12 % of a national backfill's CPU.
/// A reference is an immutable address, so keeping it is safe on every thread and across activations.
/// </summary>
/// <remarks>
/// Holds every key it was asked for: meant for the bounded key sets of hot paths (the directory's
/// unit codes, a few fixed keys), not for ids that grow without end.
/// </remarks>
public sealed class GrainsByKey<TGrain>(IGrainFactory grains)
    where TGrain : IGrainWithStringKey
{
    private readonly ConcurrentDictionary<string, TGrain> _made = new(StringComparer.Ordinal);

    public TGrain this[string key] => _made.GetOrAdd(key, static (k, factory) => factory.GetGrain<TGrain>(k), grains);
}
