namespace GovPulse.Storage.Tests.Fixtures;

/// <summary>
/// Every test that needs the embedded engine joins this collection: the engine opens once per
/// process, so its tests share one fixture (and run one class at a time).
/// </summary>
[CollectionDefinition(Name)]
public sealed class EmbeddedClickHouseCollectionDefinition : ICollectionFixture<EmbeddedClickHouseFixture>
{
    public const string Name = "Embedded ClickHouse";
}
