namespace GovPulse.Dashboard.Apis;

/// <summary>
/// The answer of <c>GET /rankings/movers</c>: every unit of the level in ranking order with its
/// change since the previous period, and the largest risers and fallers.
/// </summary>
public sealed record RankingMovers(
    string Level,
    string Period,
    string PreviousPeriod,
    IReadOnlyList<MoverRow> Units,
    IReadOnlyList<MoverRow> Risers,
    IReadOnlyList<MoverRow> Fallers);
