using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Grains.Tests.Hourly;

/// <summary>
/// Listens to <c>govpulse.hourly.publication_lag</c> and <c>govpulse.hourly.publication_failures</c>
/// as the fixture's nodes record them. Only the meters of these nodes count (a meter made by a
/// node's <see cref="IMeterFactory"/> has it as its scope), so other test clusters running at the
/// same time do not show up here.
/// </summary>
public sealed class HourlyMetricsRecorder : IDisposable
{
    private const string LagInstrument = "govpulse.hourly.publication_lag";
    private const string FailuresInstrument = "govpulse.hourly.publication_failures";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(double Seconds, bool Late)> _lags = new();
    private readonly ConcurrentQueue<bool> _failures = new();

    public HourlyMetricsRecorder(HourlyClusterFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var nodes = fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<IMeterFactory>()).ToList();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GovPulseMetrics.MeterName && instrument.Name is LagInstrument or FailuresInstrument && nodes.Any(n => ReferenceEquals(n, instrument.Meter.Scope)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            var late = false;
            foreach (var tag in tags)
            {
                if (tag.Key == "late")
                {
                    late = (bool)tag.Value!;
                }
            }

            _lags.Enqueue((seconds, late));
        });
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "retried")
                {
                    _failures.Enqueue((bool)tag.Value!);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>What the nodes recorded since this recorder started, in order.</summary>
    public IReadOnlyList<(double Seconds, bool Late)> Lags => [.. _lags];

    /// <summary>The failed attempts recorded since this recorder started: whether each was retried.</summary>
    public IReadOnlyList<bool> Failures => [.. _failures];

    public void Dispose() => _listener.Dispose();
}
