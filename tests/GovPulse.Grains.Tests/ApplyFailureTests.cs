using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Ingest.Pipeline;
using GovPulse.Ingest.Wire;
using GovPulse.Storage.ClickHouse;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Grains.Tests;

/// <summary>
/// Failures leave no silent gap: whichever step of a unit's Apply fails, the client's retry of the
/// same batch gives the figures a run without the failure gives; an event the ledger cannot apply
/// is quarantined and the unit still activates; a batch whose client gave up keeps its ids until
/// its insert has really finished, so a retry with other content under the same id is refused.
/// </summary>
public sealed class ApplyFailureTests(IngestClusterFixture fixture) : IClassFixture<IngestClusterFixture>
{
    private static readonly Period[] Periods = [Period.Month(2026, 9), Period.Month(2026, 10)];

    public static TheoryData<UnitApplyStep, string> Steps => new()
    {
        { UnitApplyStep.Stored, "26743" },
        { UnitApplyStep.Applied, "26737" },
        { UnitApplyStep.Counted, "26740" },
        { UnitApplyStep.Published, "27154" },
        { UnitApplyStep.Watched, "26758" },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_step_that_fails_is_completed_by_the_retry_and_the_figures_equal_a_run_without_the_failure(UnitApplyStep step, string unit)
    {
        var ingestor = fixture.Ingestor(TimeSpan.FromMinutes(1));
        var events = UnitSnapshotTests.Dossiers(unit, new Random((int)step), 40).ToList();
        (await ingestor.IngestAsync(Batch(events[..60]))).Accepted.Should().Be(60);
        fixture.Probe.Arm(unit, step);

        var failed = () => ingestor.IngestAsync(Batch(events[60..]));

        (await failed.Should().ThrowAsync<IngestOverloadedException>()).Which.Refusal.Reason.Should().Be("store");
        var retried = await ingestor.IngestAsync(Batch(events[60..]));
        retried.Duplicates.Should().Be(events.Count - 60, "the failed attempt had stored them: the log is what counts");
        retried.Rejected.Should().BeEmpty();
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        (await grain.GetStatus()).Position.Should().Be(events.Count);
        (await ShownScorecards(grain)).Should().BeEquivalentTo(Expected(unit, events), o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task An_event_the_ledger_cannot_apply_is_quarantined_and_listed_and_the_unit_still_activates_with_everything_else()
    {
        const string unit = "27139"; // Phường Xuân Hòa
        var ingestor = fixture.Ingestor(TimeSpan.FromMinutes(1));
        var events = UnitSnapshotTests.Dossiers(unit, new Random(23), 30).ToList();
        var poison = events[12];
        fixture.Probe.Poison(poison.EventId);

        var result = await ingestor.IngestAsync(Batch(events));
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        var status = await grain.GetStatus();
        var live = await ShownScorecards(grain);
        await fixture.Cluster.DeactivateAsync(grain);
        await fixture.Cluster.WaitForDeactivationAsync(grain);
        var again = await grain.GetStatus();

        result.Accepted.Should().Be(events.Count, "the event is stored: nothing acknowledged is dropped");
        status.Quarantined.Should().Be(1);
        again.Quarantined.Should().Be(1);
        again.Position.Should().Be(events.Count);
        var expected = Expected(unit, events.Where(e => e != poison));
        live.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        (await ShownScorecards(grain)).Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
        var listed = await fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IQuarantineStore>().ListAsync(unit, 10);
        listed.Should().ContainSingle().Which.Should().Match<QuarantinedEvent>(q =>
            q.EventId == poison.EventId && q.Event == poison && q.Position == 13 && q.Reason == $"FormatException: The ledger cannot apply event {poison.EventId}");
    }

    [Fact]
    public async Task A_batch_whose_client_gave_up_keeps_its_ids_until_its_insert_is_done_so_a_retry_with_other_content_is_refused()
    {
        const string unit = "27142"; // Phường Nhiêu Lộc
        var first = UnitSnapshotTests.Dossiers(unit, new Random(29), 1).First();
        var changed = first with { StatutoryWorkingDays = first.StatutoryWorkingDays + 4 };
        // The timeout ends the first batch's wait once its insert (slowed to a second) has begun: the
        // gate's clock is moved on only then, so the work before the insert may take however long.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var impatient = fixture.Ingestor(IngestClusterFixture.StoreDelay / 4, clock);
        var patient = fixture.Ingestor(TimeSpan.FromMinutes(1));
        var inserting = fixture.AppendStartedAsync(unit);

        var gaveUp = impatient.IngestAsync(Batch([first]));
        await inserting.WaitAsync(TimeSpan.FromMinutes(1));
        clock.Advance(IngestClusterFixture.StoreDelay / 4);
        var waited = () => gaveUp;
        (await waited.Should().ThrowAsync<IngestOverloadedException>()).Which.Refusal.Reason.Should().Be("timeout");
        var retry = await patient.IngestAsync(Batch([changed]));

        retry.Accepted.Should().Be(0);
        retry.Rejected.Should().ContainSingle().Which.Error.Should().Contain("was already stored with different content");
        (await fixture.Store.FindStoredAsync([first.EventId])).Should().ContainKey(first.EventId).WhoseValue.Should().Be(first);
        var grain = fixture.Cluster.Client.GetGrain<IUnitGrain>(unit);
        (await grain.GetStatus()).Position.Should().Be(1, "one event stored under the id");
        fixture.Claims.Count.Should().Be(0);
    }

    private static ParsedBatch Batch(IEnumerable<UnitEvent> events) =>
        new(events.Select((e, i) => new ParsedLine(i + 1, e)).ToList(), []);

    private IReadOnlyList<object> Expected(string unit, IEnumerable<UnitEvent> events) =>
        new ExpectedFigures(fixture.Cluster.Silos[0].ServiceProvider).Of(unit, events, Periods);

    private static Task<List<object>> ShownScorecards(IUnitGrain grain) => ExpectedFigures.ShownBy(grain, Periods);
}
