using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Simulation;

namespace GovPulse.Cli.Simulation;

/// <summary>
/// The node's quick-start simulator (<see cref="CitySimulator"/>, same profile, catalogue and seed
/// handling), stepped an hour of simulated time at a time so that a year's backfill never holds
/// more than an hour of events. The same seed, range and steps give the same events in the same order.
/// Another directory (a synthetic nation) and a scale give that directory's traffic instead.
/// </summary>
public sealed class SimulatedCity(UnitDirectory units, int seed, DateTimeOffset from, double scale = 1)
{
    public SimulatedCity(int seed, DateTimeOffset from)
        : this(UnitDirectory.HoChiMinhCity, seed, from)
    {
    }

    public static TimeSpan Step { get; } = TimeSpan.FromHours(1);

    private readonly CitySimulator _simulator = new(new TrafficProfile(units, seed, scale), ProcedureCatalog.Reference, seed, from);

    /// <summary>How far the simulation has got.</summary>
    public DateTimeOffset Now { get; private set; } = from;

    /// <summary>The events up to <paramref name="until"/>, an hour of simulated time per list.</summary>
    public IEnumerable<IReadOnlyList<UnitEvent>> AdvanceTo(DateTimeOffset until)
    {
        while (Now < until)
        {
            var next = Now + Step < until ? Now + Step : until;
            var events = _simulator.Advance(next);
            Now = next;
            yield return events;
        }
    }
}
