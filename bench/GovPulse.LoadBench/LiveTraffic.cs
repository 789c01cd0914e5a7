using System.Buffers;
using GovPulse.Cli.Wire;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;
using GovPulse.Ingest.Simulation;

namespace GovPulse.LoadBench;

/// <summary>
/// Background traffic dated now: whole dossier lives (the simulator's <see cref="DossierScript"/>),
/// each event re-dated to the moment it is sent, spread evenly at random over the units. Units in
/// <paramref name="factsOnly"/> get every fact but the receipt, so their received count moves only with probes.
/// </summary>
public sealed class LiveTraffic(string[] units, IReadOnlySet<string> factsOnly, int seed)
{
    private readonly Procedure[] _procedures = ProcedureCatalog.Reference.All.Where(p => p.Level != ProcedureLevel.Province).ToArray();
    private readonly Dictionary<string, Queue<UnitEvent>> _lives = units.ToDictionary(u => u, _ => new Queue<UnitEvent>(), StringComparer.Ordinal);
    private readonly Random _random = new(seed);
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 20);
    private readonly string _run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
    private long _dossiers;
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>The next <paramref name="count"/> events as one NDJSON body.</summary>
    public byte[] Next(int count, DateTimeOffset now)
    {
        _buffer.ResetWrittenCount();
        for (var i = 0; i < count; i++)
        {
            var unit = units[_random.Next(units.Length)];
            var life = _lives[unit];
            while (life.Count == 0)
            {
                var dossier = $"bg-{_run}-{++_dossiers}";
                var channel = _random.NextDouble() < 0.55 ? Channel.Online : Channel.Direct;
                foreach (var e in DossierScript.Write(unit, dossier, _procedures[_random.Next(_procedures.Length)], channel, now, _random))
                {
                    if (e.Type != EventType.DossierReceived || !factsOnly.Contains(unit))
                    {
                        life.Enqueue(e);
                    }
                }
            }

            EventLineWriter.Write(life.Dequeue() with { OccurredAt = now }, _buffer);
        }

        Interlocked.Add(ref _sent, count);
        return _buffer.WrittenSpan.ToArray();
    }
}
