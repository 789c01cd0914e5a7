using System.Diagnostics.Metrics;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Units;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;

namespace GovPulse.Grains.Tests;

/// <summary>
/// A unit may deactivate with an open dossier still to turn overdue: the city, which keeps every
/// unit's next due time, wakes it at that instant on the scoring clock and its figures change, for the city and for the unit's viewers.
/// Real cluster, real ClickHouse; the unit is deactivated through Orleans' own management call.
/// </summary>
public sealed class CityDueWakeTests(CityClusterFixture fixture) : IClassFixture<CityClusterFixture>
{
    private const string Unit = "27142"; // Phường Nhiêu Lộc

    [Fact]
    public async Task A_deactivated_unit_is_woken_by_the_city_at_its_due_time_and_the_city_and_the_unit_push_the_change()
    {
        var city = fixture.Cluster.Client.GetGrain<ICityGrain>(UnitDirectory.HoChiMinhCityCode);
        var unit = fixture.Cluster.Client.GetGrain<IUnitGrain>(Unit);
        var november = Period.MonthOf(CityClusterFixture.Now);
        var due = CityClusterFixture.Now.AddHours(2);
        var heard = fixture.Reports.Handled(r => r.UnitCode == Unit && r.NextDue == due);
        await unit.Apply([Events.Received(Unit, "wake-1", CityClusterFixture.Now.AddHours(-1)) with { DueAt = due }]);
        await heard;
        var before = await city.GetScorecard(november);

        await unit.SaveSnapshot(); // so the woken unit has nothing to replay, hence nothing that would push by itself
        await DeactivateAsync(unit);
        var mark = fixture.Calls.Mark;
        var overdue = fixture.Publisher.WaitFor(s => s.UnitCode == UnitDirectory.HoChiMinhCityCode && s.Counts.InProgressOverdue == before.Counts.InProgressOverdue + 1);
        var unitOverdue = fixture.Publisher.WaitFor(s => s.UnitCode == Unit && s.Counts.InProgressOverdue == 1);
        fixture.Time.Advance(due - fixture.Time.GetUtcNow());
        var pushed = await overdue;
        var unitPushed = await unitOverdue; // its viewers see the moment too, though the unit slept through it
        var woken = fixture.Calls.Since(mark);
        var after = await city.GetScorecard(november);

        before.Counts.InProgressOnTime.Should().Be(1);
        woken.Should().Contain((Unit, nameof(IUnitGrain.CheckClock)), "the city woke the unit at its due time");
        pushed.Counts.InProgressOnTime.Should().Be(0);
        unitPushed.Counts.InProgressOnTime.Should().Be(0);
        after.Counts.InProgressOverdue.Should().Be(1);
        after.EvaluatedAt.Should().Be(due);
    }

    /// <summary>Deactivates the unit's grain and waits until it has gone (its node counts one unit grain fewer).</summary>
    private async Task DeactivateAsync(IUnitGrain unit)
    {
        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var counters = fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<GovPulseMetrics>().ActiveUnits).ToList();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (counters.Any(c => ReferenceEquals(c, instrument)))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (value < 0)
            {
                gone.TrySetResult();
            }
        });
        listener.Start();

        await unit.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await gone.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
