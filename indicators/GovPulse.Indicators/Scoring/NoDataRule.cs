using System.Text.Json.Serialization;

namespace GovPulse.Indicators.Scoring;

/// <summary>
/// What an indicator scores when it has no data (a zero or unknown denominator). Either way the
/// score is marked <c>noData</c> so a reader can tell "no data" from "zero" (indicators-766.md §1).
/// On the wire (an indicator's <c>noDataRule</c>) the members are <c>zero</c> and <c>full</c>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoDataRule>))]
public enum NoDataRule
{
    /// <summary>Ratio 0 and 0 points [portal, for payment].</summary>
    [JsonStringEnumMemberName("zero")]
    ScoresZero,

    /// <summary>"None ⇒ max": petitions and electronic certified copies [portal].</summary>
    [JsonStringEnumMemberName("full")]
    ScoresMax,
}
