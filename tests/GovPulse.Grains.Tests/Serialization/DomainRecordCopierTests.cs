using System.Collections.Immutable;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace GovPulse.Grains.Tests.Serialization;

/// <summary>
/// The domain's records go through a grain call within a silo as they are (no JSON round trip per
/// argument), and between silos as JSON, equal on the other side.
/// </summary>
public sealed class DomainRecordCopierTests
{
    private static readonly UnitEvent Received = new()
    {
        EventId = "copy-1",
        Type = EventType.DossierReceived,
        OccurredAt = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.FromHours(7)),
        UnitCode = "26737",
        DossierId = "HS-1",
        ProcedureCode = "1.000894",
        Fee = 15_000m,
    };

    private readonly IServiceProvider _services = new ServiceCollection().AddGovPulseSerialization().BuildServiceProvider();

    [Fact]
    public void A_domain_record_is_passed_as_it_is_within_a_silo()
    {
        var copier = _services.GetRequiredService<DeepCopier>();
        var events = ImmutableArray.Create(Received, Received with { EventId = "copy-2" });
        var period = Period.Month(2026, 12);

        copier.Copy(Received).Should().BeSameAs(Received);
        copier.Copy(period).Should().BeSameAs(period);
        copier.Copy(events).Should().Equal(events, ReferenceEquals);
    }

    [Fact]
    public void A_domain_record_crosses_silos_as_json_and_comes_back_equal()
    {
        var serializer = _services.GetRequiredService<Serializer>();

        var back = serializer.Deserialize<UnitEvent>(serializer.SerializeToArray(Received));

        back.Should().Be(Received).And.NotBeSameAs(Received);
    }

    [Fact]
    public void A_grain_type_is_still_copied_by_its_generated_copier()
    {
        var copier = _services.GetRequiredService<DeepCopier>();
        var status = new ApplyResult(3, 1);

        copier.Copy(status).Should().Be(status);
    }
}
