using System.Text.Json.Serialization;

namespace GovPulse.Dashboard.Apis;

/// <summary>
/// A unit in the current and the previous period's ranking:
/// <c>{ unitCode, name, rank, total, band, previousRank, previousTotal, change }</c>.
/// </summary>
/// <param name="Rank">Null when the unit received no dossier in the period (not ranked; then
/// <c>total</c> and <c>band</c> are null too and <c>noDossiers</c> is true).</param>
/// <param name="PreviousTotal">Null when the previous period received no dossier there.</param>
/// <param name="Change">total − previousTotal; null when either period received no dossier there.</param>
/// <param name="NoDossiers">True for a unit not ranked; absent on ranked rows, which keep the contract's shape.</param>
public sealed record MoverRow(
    string UnitCode,
    string Name,
    int? Rank,
    decimal? Total,
    string? Band,
    int? PreviousRank,
    decimal? PreviousTotal,
    decimal? Change,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? NoDossiers = null);
