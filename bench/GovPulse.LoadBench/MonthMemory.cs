using System.Collections.Concurrent;
using System.Globalization;

namespace GovPulse.LoadBench;

/// <summary>
/// Notes the node's resident memory at the moment each month of a backfill has been sent: when every
/// batch up to the month's last one has been answered (senders finish batches out of order).
/// </summary>
public sealed class MonthMemory(BackfillData data, NodeMemory memory)
{
    private readonly bool[] _answered = new bool[data.Batches];
    private readonly Queue<(string Month, BackfillMonth Sent)> _pending = new((data.Months ?? []).Select(m => (m.Key, m.Value)));
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly Lock _lock = new();
    private int _answeredUpTo;

    /// <summary>Batch <paramref name="index"/> has been answered.</summary>
    public void Answered(int index)
    {
        lock (_lock)
        {
            _answered[index] = true;
            while (_answeredUpTo < _answered.Length && _answered[_answeredUpTo])
            {
                _answeredUpTo++;
            }

            while (_pending.TryPeek(out var next) && next.Sent.LastBatch < _answeredUpTo)
            {
                _pending.Dequeue();
                _lines.Enqueue(string.Create(CultureInfo.InvariantCulture,
                    $"  month {next.Month}: {next.Sent.Events:N0} events, node RSS {BackfillScenario.Mb(memory.Current)}"));
            }
        }
    }

    /// <summary>The lines noted since the last call, oldest first.</summary>
    public IEnumerable<string> Take()
    {
        while (_lines.TryDequeue(out var line))
        {
            yield return line;
        }
    }
}
