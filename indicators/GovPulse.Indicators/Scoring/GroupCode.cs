using System.Text.Json.Serialization;

namespace GovPulse.Indicators.Scoring;

/// <summary>
/// The portal's six indicator groups (indicators-766.md §1). Member names are the wire codes, and
/// the converter makes every serializer (API, SignalR, grain calls) write the name, never a number.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<GroupCode>))]
public enum GroupCode
{
    PUBLICITY,
    PROGRESS,
    ONLINE,
    PAYMENT,
    DIGITIZATION,
    SATISFACTION,
}
