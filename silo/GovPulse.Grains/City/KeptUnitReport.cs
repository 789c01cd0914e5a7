using GovPulse.Indicators.Scoring;

namespace GovPulse.Grains.City;

/// <summary>
/// A unit's report of an ended period as the city keeps it: good while the unit's
/// <see cref="UnitTrack.Changes"/> still stands at <see cref="Changes"/>. The unit's scorecard built
/// from it is kept too, once asked for, so a ranking asked again builds nothing.
/// </summary>
internal sealed class KeptUnitReport(UnitFiguresReport report, long changes)
{
    public UnitFiguresReport Report { get; } = report;

    public long Changes { get; } = changes;

    public Scorecard? Scorecard { get; set; }
}
