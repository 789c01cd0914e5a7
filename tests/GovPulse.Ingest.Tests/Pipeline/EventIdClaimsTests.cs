using GovPulse.Ingest.Pipeline;

namespace GovPulse.Ingest.Tests.Pipeline;

/// <summary>Two batches on one node never check and store the same event id at the same time.</summary>
public sealed class EventIdClaimsTests
{
    [Fact]
    public async Task Ids_another_batch_holds_are_left_to_wait_until_it_lets_go()
    {
        var claims = new EventIdClaims();
        var first = claims.TryClaim(["a", "b"], out var firstWaits);

        using var second = claims.TryClaim(["b", "c"], out var secondWaits);

        firstWaits.IsCompleted.Should().BeTrue();
        first.Ids.Should().BeEquivalentTo("a", "b");
        second.Ids.Should().BeEquivalentTo("c");
        second.Waiting.Should().BeEquivalentTo("b");
        secondWaits.IsCompleted.Should().BeFalse();
        first.Dispose();
        await secondWaits.WaitAsync(TimeSpan.FromSeconds(10));
        using var third = claims.TryClaim(["b"], out _);
        third.Ids.Should().BeEquivalentTo("b");
        claims.Count.Should().Be(2);
    }

    [Fact]
    public void Letting_go_frees_every_id_of_the_claim_and_only_those()
    {
        var claims = new EventIdClaims();
        var first = claims.TryClaim(["a", "b"], out _);
        using var second = claims.TryClaim(["c"], out _);

        first.Dispose();

        claims.Count.Should().Be(1);
    }
}
