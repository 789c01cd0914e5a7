using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Exports.Documents;

/// <summary>
/// One unit's scorecard to write to a file, with its monthly trend (the months up to the period's
/// last, oldest first, each as known at the same instant) for the chart.
/// </summary>
public sealed record ScorecardExport(Unit Unit, Period Period, bool English, ExportStamp Stamp, Scorecard Scorecard, IReadOnlyList<Scorecard> Trend);
