using GovPulse.Indicators.Units;
using Orleans.Runtime;

namespace GovPulse.Grains.Tests.Hourly;

/// <summary>
/// The node hosting an hour's grain dies in the middle of the publication; the surviving node's
/// retry finds the hour stored or stores it, never twice. (Its own cluster: a silo dies here.)
/// </summary>
public sealed class HourlyNodeDeathTests(HourlyClusterFixture fixture) : IClassFixture<HourlyClusterFixture>
{
    [Fact]
    public async Task A_publication_cut_by_the_death_of_its_node_is_neither_lost_nor_duplicated()
    {
        var hour = PublicationHour.StartOf(HourlyClusterFixture.Now);
        var grain = fixture.Cluster.Client.GetHourlyPublisher(hour);

        var interrupted = grain.Publish();
        var host = await HostOf(grain.GetGrainId());
        await fixture.Cluster.KillSiloAsync(host);

        // The surviving node's job retries while the first call is still waiting for its dead node.
        var survivor = fixture.Cluster.Silos.Single(s => s != host);
        var retried = await RetryUntilAnswered(() => fixture.GrainsOf(fixture.Cluster.Silos.IndexOf(survivor)).GetHourlyPublisher(hour).Publish());
        try
        {
            await interrupted;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Expected most of the time: the node died under the call.
        }

        var thenAgain = await fixture.Cluster.Client.GetHourlyPublisher(hour).Publish();

        retried.Hour.Should().Be(hour);
        thenAgain.Outcome.Should().Be(HourlyOutcome.AlreadyPublished);
        (await fixture.RowsAt(hour, fixture.Cluster.Silos.IndexOf(survivor))).Should().Be((ulong)UnitDirectory.HoChiMinhCity.All.Count);
        fixture.MessagesFor(hour).Should().HaveCountLessThanOrEqualTo(1, "the message follows the stored hour at most once");
    }

    /// <summary>The silo where the grain's activation is (waits for the call to activate it).</summary>
    private async Task<Orleans.TestingHost.InProcessSiloHandle> HostOf(GrainId grain)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (fixture.Cluster.TryGetGrainContext(grain, out var context))
            {
                return fixture.Cluster.Silos.Single(s => s.SiloAddress.Equals(context.Address.SiloAddress));
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"grain {grain} never activated");
    }

    private static async Task<HourlyPublication> RetryUntilAnswered(Func<Task<HourlyPublication>> call)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException && DateTime.UtcNow < deadline)
            {
                // The cluster has not noticed the dead node yet.
                await Task.Delay(500);
            }
        }
    }
}
