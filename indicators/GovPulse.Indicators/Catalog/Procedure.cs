namespace GovPulse.Indicators.Catalog;

/// <summary>An administrative procedure (thủ tục hành chính) by its national code, e.g. 1.001193 birth registration.</summary>
/// <param name="TimeLimitWorkingDays">Statutory time limit; 0 = same day; null = unknown.</param>
/// <param name="FeeVnd">Fee in VND; null = set by the city council, unknown here.</param>
public sealed record Procedure(string Code, string Name, string Field, ProcedureLevel Level, int? TimeLimitWorkingDays, decimal? FeeVnd);
