using System.Text.Json;
using System.Text.Json.Serialization;
using GovPulse.Indicators.Events;

namespace GovPulse.Storage.ClickHouse;

/// <summary>How an event is kept in <c>events.payload</c>: the whole event as compact JSON, so new fields need no schema change.</summary>
public static class StoredEventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(UnitEvent e) => JsonSerializer.Serialize(e, Options);

    public static UnitEvent Deserialize(string payload) =>
        JsonSerializer.Deserialize<UnitEvent>(payload, Options)
        ?? throw new JsonException("An events.payload row holds JSON null.");
}
