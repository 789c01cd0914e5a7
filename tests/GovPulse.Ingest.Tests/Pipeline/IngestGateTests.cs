using System.Diagnostics.Metrics;
using GovPulse.Grains;
using GovPulse.Ingest.Pipeline;
using GovPulse.Ingest.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Ingest.Tests.Pipeline;

/// <summary>Back-pressure: the gate bounds batches and events in flight and how long a batch may take, and refuses instead of queueing.</summary>
public sealed class IngestGateTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_batch_that_would_go_over_the_events_in_flight_is_refused_until_the_others_are_done()
    {
        using var gate = Gate(new IngestOptions { MaxInFlightEvents = 100 });
        var first = new TaskCompletionSource<int>();
        var running = gate.RunAsync(60, _ => first.Task);

        var refused = () => gate.RunAsync(41, _ => Task.FromResult(41));
        var fits = await gate.RunAsync(40, _ => Task.FromResult(40));

        (await refused.Should().ThrowAsync<IngestOverloadedException>()).Which.Refusal.Should().Match<IngestRefusal>(r =>
            r.Reason == "events" && r.Setting == "GovPulse:Ingest:MaxInFlightEvents" && r.RetryAfterSeconds == 2
            && r.Detail.StartsWith("This node holds 60 events of other batches; the 41 of this one would go over 100", StringComparison.Ordinal));
        fits.Should().Be(40);
        gate.EventsInFlight.Should().Be(60);
        first.SetResult(60);
        (await running).Should().Be(60);
        gate.EventsInFlight.Should().Be(0);
        (await gate.RunAsync(100, _ => Task.FromResult(100))).Should().Be(100);
    }

    [Fact]
    public async Task A_batch_larger_than_the_limit_is_taken_when_nothing_else_is_in_flight()
    {
        using var gate = Gate(new IngestOptions { MaxInFlightEvents = 10 });

        var result = await gate.RunAsync(50_000, _ => Task.FromResult("stored"));

        result.Should().Be("stored");
        gate.EventsInFlight.Should().Be(0);
    }

    [Fact]
    public async Task A_batch_that_outlasts_the_timeout_is_refused_and_its_events_are_held_until_its_work_ends()
    {
        using var gate = Gate(new IngestOptions { BatchTimeout = TimeSpan.FromSeconds(30), MaxInFlightEvents = 100 });
        var stopped = new TaskCompletionSource();
        var work = new TaskCompletionSource<int>();
        var running = gate.RunAsync(80, token =>
        {
            token.Register(stopped.SetResult);
            return work.Task;
        });

        _clock.Advance(TimeSpan.FromSeconds(29));
        running.IsCompleted.Should().BeFalse();
        _clock.Advance(TimeSpan.FromSeconds(1));

        (await running.Invoking(r => r).Should().ThrowAsync<IngestOverloadedException>()).Which.Refusal.Should().Match<IngestRefusal>(r =>
            r.Reason == "timeout" && r.Setting == "GovPulse:Ingest:BatchTimeout"
            && r.Detail == "Storing and applying this batch took longer than 30 seconds, the limit set by GovPulse:Ingest:BatchTimeout. "
                + "Part of it may be stored; send the same batch again after 2 seconds (Retry-After): what is already stored counts as duplicates.");
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        gate.EventsInFlight.Should().Be(80, "the abandoned work still holds its events");
        work.SetResult(80);
        await WaitUntil(() => gate.EventsInFlight == 0);
    }

    [Fact]
    public async Task A_request_beyond_the_concurrent_batches_gets_no_place_until_one_is_given_back()
    {
        using var gate = Gate(new IngestOptions { MaxConcurrentBatches = 2, AdmissionWait = TimeSpan.Zero });
        using var first = await gate.TryEnterBatchAsync();
        var second = await gate.TryEnterBatchAsync();

        var third = await gate.TryEnterBatchAsync();
        second!.Dispose();
        second.Dispose(); // twice is harmless
        using var fourth = await gate.TryEnterBatchAsync();
        var fifth = await gate.TryEnterBatchAsync();

        first.Should().NotBeNull();
        third.Should().BeNull();
        fourth.Should().NotBeNull();
        fifth.Should().BeNull();
        gate.BatchesFull.Should().Match<IngestRefusal>(r => r.Reason == "batches" && r.Setting == "GovPulse:Ingest:MaxConcurrentBatches"
            && r.Detail == "This node is already storing 2 batches, the limit set by GovPulse:Ingest:MaxConcurrentBatches. "
                + "Nothing of this batch was read or stored; send it again after 2 seconds (Retry-After).");
    }

    [Fact]
    public async Task Refusals_are_counted_by_reason()
    {
        using var gate = Gate(new IngestOptions { MaxConcurrentBatches = 1, AdmissionWait = TimeSpan.Zero, MaxInFlightEvents = 1 });
        var counted = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "govpulse.ingest.overloaded")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => counted.Add((string)tags[0].Value!));
        listener.Start();
        using var place = await gate.TryEnterBatchAsync();
        var hold = new TaskCompletionSource<int>();
        var running = gate.RunAsync(1, _ => hold.Task);

        (await gate.TryEnterBatchAsync()).Should().BeNull();
        await gate.Invoking(g => g.RunAsync(1, _ => Task.FromResult(1))).Should().ThrowAsync<IngestOverloadedException>();
        hold.SetResult(1);
        await running;

        counted.Should().Equal("batches", "events");
    }

    [Theory]
    [InlineData("00:00:01", 1)]
    [InlineData("00:00:01.200", 2)]
    [InlineData("00:01:00", 60)]
    public void Retry_after_is_the_setting_in_whole_seconds_rounded_up(string setting, int seconds)
    {
        using var gate = Gate(new IngestOptions { RetryAfter = TimeSpan.Parse(setting, System.Globalization.CultureInfo.InvariantCulture) });

        gate.RetryAfter.Should().Be(TimeSpan.FromSeconds(seconds));
        gate.BatchesFull.RetryAfterSeconds.Should().Be(seconds);
    }

    public void Dispose() => _services.Dispose();

    private IngestGate Gate(IngestOptions options) =>
        new(Options.Create(options), new GovPulseMetrics(_services.GetRequiredService<IMeterFactory>()), _clock);

    /// <summary>The gate gives events back when the abandoned work's continuation runs, on the thread pool.</summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        condition().Should().BeTrue();
    }
}
