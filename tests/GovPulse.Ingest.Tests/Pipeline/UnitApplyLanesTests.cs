using System.Collections.Immutable;
using Channels = System.Threading.Channels;
using GovPulse.Indicators.Events;
using GovPulse.Ingest.Pipeline;

namespace GovPulse.Ingest.Tests.Pipeline;

/// <summary>
/// A unit is called once at a time from this node: what arrives for it while its call runs goes in
/// its next call, whole and in arrival order; other units are not held up; a failed call fails only
/// the batches that were in it.
/// </summary>
public sealed class UnitApplyLanesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Events_arriving_while_a_units_call_runs_go_together_in_its_next_call_and_other_units_are_called_at_once()
    {
        var units = new CallsByUnit();
        var lanes = new UnitApplyLanes(units.Apply);

        var first = lanes.ApplyAsync("26734", [Event("a")]);
        var second = lanes.ApplyAsync("26734", [Event("b"), Event("c")]);
        var third = lanes.ApplyAsync("26734", [Event("d")]);
        var elsewhere = lanes.ApplyAsync("27139", [Event("e")]);

        var firstCall = await units.NextAsync();
        var otherUnitsCall = await units.NextAsync();
        units.Count.Should().Be(2, "the second and third wait for the first call; another unit does not");
        firstCall.Events.Select(e => e.EventId).Should().Equal("a");
        otherUnitsCall.Unit.Should().Be("27139");
        otherUnitsCall.Done.SetResult();
        await elsewhere.WaitAsync(Patience);
        first.IsCompleted.Should().BeFalse();

        firstCall.Done.SetResult();
        await first.WaitAsync(Patience);
        var joined = await units.NextAsync();
        joined.Unit.Should().Be("26734");
        joined.Events.Select(e => e.EventId).Should().Equal("b", "c", "d");
        second.IsCompleted.Should().BeFalse("a batch is done only when the call holding its events is");
        joined.Done.SetResult();
        await Task.WhenAll(second, third).WaitAsync(Patience);
        units.Count.Should().Be(3, "nothing was left waiting");
    }

    [Fact]
    public async Task A_failed_call_fails_every_batch_in_it_and_the_unit_is_called_again_for_the_next()
    {
        var units = new CallsByUnit();
        var lanes = new UnitApplyLanes(units.Apply);
        var first = lanes.ApplyAsync("26734", [Event("a")]);
        var second = lanes.ApplyAsync("26734", [Event("b")]);
        var woken = lanes.ApplyAsync("26734", []);
        (await units.NextAsync()).Done.SetResult();
        await first.WaitAsync(Patience);

        (await units.NextAsync()).Done.SetException(new InvalidOperationException("the unit could not store them"));

        await ((Func<Task>)(() => second.WaitAsync(Patience))).Should().ThrowAsync<InvalidOperationException>().WithMessage("the unit could not store them");
        await ((Func<Task>)(() => woken.WaitAsync(Patience))).Should().ThrowAsync<InvalidOperationException>();
        var retry = lanes.ApplyAsync("26734", [Event("b")]);
        var again = await units.NextAsync();
        again.Events.Select(e => e.EventId).Should().Equal("b");
        again.Done.SetResult();
        await retry.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_call_that_throws_before_it_starts_fails_its_batches_and_the_lane_goes_on()
    {
        var calls = 0;
        var lanes = new UnitApplyLanes((_, _) => ++calls == 1 ? throw new InvalidOperationException("no reference") : Task.CompletedTask);

        var failed = () => lanes.ApplyAsync("26734", [Event("a")]);

        await failed.Should().ThrowAsync<InvalidOperationException>();
        await lanes.ApplyAsync("26734", [Event("a")]).WaitAsync(Patience);
        calls.Should().Be(2);
    }

    private static UnitEvent Event(string id) => new()
    {
        EventId = id,
        Type = EventType.DossierReceived,
        OccurredAt = new DateTimeOffset(2026, 10, 5, 2, 0, 0, TimeSpan.Zero),
        UnitCode = "26734",
        DossierId = $"HS-{id}",
    };

    /// <summary>Every call, in order, each with a completion the test decides.</summary>
    private sealed class CallsByUnit
    {
        private readonly Channels.Channel<Call> _made = Channels.Channel.CreateUnbounded<Call>();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public Task Apply(string unit, ImmutableArray<UnitEvent> events)
        {
            var call = new Call(unit, events, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            Interlocked.Increment(ref _count);
            _made.Writer.TryWrite(call);
            return call.Done.Task;
        }

        /// <summary>The next call made (in order), once it is made.</summary>
        public async Task<Call> NextAsync() => await _made.Reader.ReadAsync().AsTask().WaitAsync(Patience);
    }

    private sealed record Call(string Unit, ImmutableArray<UnitEvent> Events, TaskCompletionSource Done);
}
