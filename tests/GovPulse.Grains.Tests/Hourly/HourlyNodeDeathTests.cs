using GovPulse.Grains.Hourly;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace GovPulse.Grains.Tests.Hourly;

/// <summary>
/// The node hosting an hour's grain dies in the middle of the publication, after judging every unit
/// and before its insert; the surviving node's own round retries the hour until the cluster has
/// moved the grain, and the hour ends stored once, announced once, with its own figures. (Its own
/// cluster: a silo dies here.)
/// </summary>
public sealed class HourlyNodeDeathTests(HourlyClusterFixture fixture) : IClassFixture<HourlyClusterFixture>
{
    private const string Unit = "26542"; // Phường Phước Thắng

    [Fact]
    public async Task A_publication_cut_by_the_death_of_its_node_is_finished_once_by_the_survivors_retry()
    {
        var hour = PublicationHour.StartOf(HourlyClusterFixture.Now);
        // A dossier received ten seconds into the hour: today's figures hold it, the hour's do not.
        await FeedAsync(Events.Received(Unit, "hourly-death-1", hour.AddSeconds(10)));
        var grain = fixture.Cluster.Client.GetHourlyPublisher(hour);
        fixture.Gate.Hold(1);

        var interrupted = grain.Publish();
        await fixture.Gate.WaitHeldAsync(1);
        var host = HostOf(grain.GetGrainId());
        await fixture.Cluster.KillSiloAsync(host);
        fixture.Gate.Break();

        // The survivor's round: its first calls may still go to the dead activation, and are retried
        // (briefly here) until the cluster has declared the node dead and activates the hour anew.
        var survivor = fixture.Cluster.Silos.IndexOf(fixture.Cluster.Silos.Single(s => s != host));
        var retry = new HourlyRetry(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));
        var published = await fixture.RoundOf(survivor).PublishAsync(hour, retry).WaitAsync(TimeSpan.FromMinutes(2));
        var cut = async () => await interrupted;
        await cut.Should().ThrowAsync<Exception>("the node died under the call");
        var thenAgain = await fixture.Cluster.Client.GetHourlyPublisher(hour).Publish();

        published.Outcome.Should().Be(HourlyOutcome.Published);
        published.Hour.Should().Be(hour);
        thenAgain.Outcome.Should().Be(HourlyOutcome.AlreadyPublished);
        (await fixture.RowsAt(hour, survivor)).Should().Be((ulong)UnitDirectory.HoChiMinhCity.All.Count);
        fixture.MessagesFor(hour).Should().ContainSingle("the dead node never stored the hour, so the survivor's publication announces it");
        var stored = await fixture.HistoryOf(survivor).ReadHourAsync(hour);
        stored.Should().OnlyContain(s => s.Scorecard.EvaluatedAt == hour && !s.Late);
        stored.Single(s => s.Scorecard.UnitCode == Unit).Scorecard.Counts.Received.Should().Be(0, "the hour's own figures, judged at its top");
        (await fixture.Cluster.Client.GetGrain<IUnitGrain>(Unit).GetScorecard(Period.MonthOf(hour))).Counts.Received.Should().Be(1);
    }

    /// <summary>The unit grain stores the events in its log and applies them.</summary>
    private async Task FeedAsync(params UnitEvent[] events) =>
        await fixture.Cluster.Client.GetGrain<IUnitGrain>(Unit).Apply([.. events]);

    /// <summary>The silo where the grain's activation is (it is active: it waits at the gate).</summary>
    private InProcessSiloHandle HostOf(GrainId grain) =>
        fixture.Cluster.TryGetGrainContext(grain, out var context)
            ? fixture.Cluster.Silos.Single(s => s.SiloAddress.Equals(context.Address.SiloAddress))
            : throw new InvalidOperationException($"grain {grain} is not active");
}
