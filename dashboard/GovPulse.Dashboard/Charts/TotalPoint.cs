namespace GovPulse.Dashboard.Charts;

/// <summary>
/// One point of a chart of total points over time.
/// </summary>
/// <param name="X">Where it sits on the time axis (a month's position, an hour of the day).</param>
/// <param name="Tick">Its short label under the axis: <c>11/2026</c>, <c>08:00</c>.</param>
/// <param name="Spoken">How the text alternative names it: <c>Tháng 11/2026</c>, <c>08:00</c>.</param>
/// <param name="Total">The total points; null when there is nothing to show (no dossiers that month).</param>
/// <param name="Band">The band's Vietnamese name as the scorecard carries it.</param>
/// <param name="Note">Said after the figure in the text alternative (an hour published late).</param>
public sealed record TotalPoint(double X, string Tick, string Spoken, decimal? Total, string? Band, string? Note = null);
