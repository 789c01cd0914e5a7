using System.Diagnostics;

namespace GovPulse.LoadBench;

/// <summary>
/// The probes in flight and their times. Only probes add dossier receipts to a probe unit, so the
/// unit's received count after the n-th probe is its count at subscription plus n: the first
/// <c>scorecard</c> that shows it answers the probe.
/// </summary>
public sealed class ProbeBook
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _received = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _expected = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Probe> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<ProbeKind, List<double>> _pushed = new() { [ProbeKind.Quiet] = [], [ProbeKind.Busy] = [] };
    private readonly Dictionary<ProbeKind, List<double>> _acked = new() { [ProbeKind.Quiet] = [], [ProbeKind.Busy] = [] };
    private readonly Dictionary<ProbeKind, int> _lost = new() { [ProbeKind.Quiet] = 0, [ProbeKind.Busy] = 0 };

    private sealed class Probe(ProbeKind kind, long sent, bool measured)
    {
        public ProbeKind Kind { get; } = kind;

        public long Sent { get; } = sent;

        public bool Measured { get; } = measured;

        public double? AckMilliseconds { get; set; }
    }

    /// <summary>A scorecard arrived for <paramref name="unit"/>, showing <paramref name="received"/> dossiers.</summary>
    public void Seen(string unit, long received, long at)
    {
        lock (_lock)
        {
            _received[unit] = received;
            _expected.TryAdd(unit, received);
            if (_open.TryGetValue(unit, out var probe) && received >= _expected[unit])
            {
                _open.Remove(unit);
                if (probe.Measured)
                {
                    _pushed[probe.Kind].Add(Percentiles.Milliseconds(probe.Sent, at));
                    if (probe.AckMilliseconds is { } ack)
                    {
                        _acked[probe.Kind].Add(ack);
                    }
                }
            }
        }
    }

    public async Task WaitForBaselinesAsync(IEnumerable<string> units, CancellationToken cancellationToken)
    {
        var all = units.ToList();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            lock (_lock)
            {
                if (all.All(_expected.ContainsKey))
                {
                    return;
                }
            }

            await Task.Delay(50, limit.Token);
        }
    }

    /// <summary>
    /// Waits until every open probe is answered, or has waited its <see cref="Patience"/> (then it
    /// is lost): the run's last probes get the same chance as the others.
    /// </summary>
    public async Task WaitForOpenAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_lock)
            {
                if (_open.Values.All(p => Stopwatch.GetElapsedTime(p.Sent) >= Patience))
                {
                    return;
                }
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Whether a probe of the unit is still waiting (a probe that waited too long is given up as lost).</summary>
    public bool IsOpen(string unit)
    {
        lock (_lock)
        {
            if (!_open.TryGetValue(unit, out var probe))
            {
                return false;
            }

            if (Stopwatch.GetElapsedTime(probe.Sent) < Patience)
            {
                return true;
            }

            _open.Remove(unit);
            if (probe.Measured)
            {
                _lost[probe.Kind]++;
            }

            return false;
        }
    }

    public void Open(string unit, ProbeKind kind, long sent, bool measured)
    {
        lock (_lock)
        {
            _expected[unit] = _expected.GetValueOrDefault(unit) + 1;
            _open[unit] = new Probe(kind, sent, measured);
        }
    }

    public void Acknowledged(string unit, long at, bool accepted)
    {
        lock (_lock)
        {
            if (_open.TryGetValue(unit, out var probe))
            {
                probe.AckMilliseconds = Percentiles.Milliseconds(probe.Sent, at);
                if (!accepted)
                {
                    _open.Remove(unit);
                    _expected[unit]--;
                    if (probe.Measured)
                    {
                        _lost[probe.Kind]++;
                    }
                }
            }
        }
    }

    public int Count(ProbeKind kind)
    {
        lock (_lock)
        {
            return _pushed[kind].Count;
        }
    }

    /// <summary>Sorted POST → scorecard and POST → answer times (ms) of the measured probes, and how many got no scorecard.</summary>
    public (List<double> Pushed, List<double> Acked, int Lost) Results(ProbeKind kind)
    {
        lock (_lock)
        {
            var lost = _lost[kind] + _open.Values.Count(p => p.Kind == kind && p.Measured);
            return (_pushed[kind].Order().ToList(), _acked[kind].Order().ToList(), lost);
        }
    }
}
