using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;

namespace GovPulse.Grains;

/// <summary>
/// Passes the pure domain's records (GovPulse.Indicators) as they are in a grain call within one silo.
/// They are immutable once built (init-only records, read-only lists), so the copy Orleans makes to
/// protect the callee from the caller is not needed; made by the JSON codec it was a serialisation
/// there and back per argument, and about a fifth of a node's CPU in a backfill went on copying
/// every pushed scorecard (docs/benchmarks.md). Calls between silos still serialise them as JSON.
/// </summary>
internal sealed class DomainRecordCopier : IGeneralizedCopier
{
    public bool IsSupportedType(Type type) => GrainSerialization.IsDomainType(type);

    public object? DeepCopy(object? input, CopyContext context) => input;
}
