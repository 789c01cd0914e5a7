using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;

namespace GovPulse.Grains.Tests.Fixtures;

/// <summary>
/// A one-node cluster whose unit grains deactivate after two seconds without a call (Orleans looking
/// every second), on a scoring clock standing still on 20 January 2027 (as <see cref="SealedMonthsClusterFixture"/>).
/// The city reconciles once a day, so it does not keep asking the units.
/// </summary>
public sealed class IdleUnitsClusterFixture : UnitClusterFixture
{
    public IdleUnitsClusterFixture()
    {
        SiloCount = 1;
        Clock = new ScoringClock(new FakeTimeProvider(StandingClockClusterFixture.Now));
        Settings["GovPulse:Units:IdleAfter"] = "00:00:02";
        Settings["GovPulse:City:ReconcileInterval"] = "1.00:00:00";
    }

    protected override void ConfigureOrleans(ISiloBuilder orleans) =>
        orleans.Configure<GrainCollectionOptions>(collection => collection.CollectionQuantum = TimeSpan.FromSeconds(1));
}
