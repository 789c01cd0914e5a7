namespace GovPulse.Dashboard.Apis;

/// <summary>
/// A unit in the current and the previous period's ranking:
/// <c>{ unitCode, name, rank, total, band, previousRank, previousTotal, change }</c>.
/// </summary>
/// <param name="Change">total − previousTotal; null when either period received no dossier there.</param>
public sealed record MoverRow(
    string UnitCode,
    string Name,
    int Rank,
    decimal Total,
    string Band,
    int? PreviousRank,
    decimal? PreviousTotal,
    decimal? Change);
