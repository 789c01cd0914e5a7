namespace GovPulse.Grains;

/// <summary>What applying a batch to a unit did.</summary>
[GenerateSerializer, Immutable, Alias("govpulse.apply-result")]
public sealed record ApplyResult([property: Id(0)] int Changed, [property: Id(1)] int Unchanged);
