using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;

namespace GovPulse.Exports.Documents;

/// <summary>
/// A ranking to write to a file: the units of one level, best first (equal totals share a rank), the
/// units without dossiers in the period after them, unranked ("Chưa có hồ sơ trong kỳ").
/// </summary>
public sealed record RankingExport(UnitKind Level, Period Period, bool English, ExportStamp Stamp, IReadOnlyList<RankedUnit<Scorecard>> Units);
