namespace GovPulse.Indicators.Scoring;

/// <summary>
/// The portal rounds each indicator's points and each ratio to 2 decimals, half away from zero
/// [portal] (indicators-766.md §3). .NET's default is banker's rounding, which would turn 0.125
/// into 0.12 where the portal shows 0.13 — so every rounding in scoring goes through here.
/// </summary>
public static class PortalRounding
{
    public static decimal ToHundredths(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
