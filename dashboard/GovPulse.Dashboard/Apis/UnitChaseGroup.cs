using GovPulse.Indicators.Dossiers;

namespace GovPulse.Dashboard.Apis;

/// <summary>One unit of the city-wide chase: its counts and its most urgent dossiers of the status asked for.</summary>
/// <param name="Kind"><c>commune</c> | <c>department</c>.</param>
public sealed record UnitChaseGroup(string UnitCode, string Name, string Kind, ChaseCounts Counts, IReadOnlyList<DossierView> Dossiers);
