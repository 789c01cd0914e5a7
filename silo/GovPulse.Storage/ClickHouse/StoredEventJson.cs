using System.Text.Json;
using System.Text.Json.Serialization;
using GovPulse.Indicators.Events;

namespace GovPulse.Storage.ClickHouse;

/// <summary>How an event is kept in <c>events.payload</c>: the whole event as compact JSON, so new fields need no schema change.</summary>
/// <remarks>
/// Source-generated (<see cref="StoredEventJsonContext"/>): every stored event is written once and
/// every rebuild reads them all, so reflection-based serialization showed in the ingest profile.
/// The text is the same as the reflection-based serializer's with <see cref="Options"/>.
/// </remarks>
public static class StoredEventJson
{
    /// <summary>The options the payload is written with (web defaults, nulls left out, enums as names).</summary>
    public static JsonSerializerOptions Options => StoredEventJsonContext.Default.Options;

    public static string Serialize(UnitEvent e) => JsonSerializer.Serialize(e, StoredEventJsonContext.Default.UnitEvent);

    public static UnitEvent Deserialize(string payload) =>
        JsonSerializer.Deserialize(payload, StoredEventJsonContext.Default.UnitEvent)
        ?? throw new JsonException("An events.payload row holds JSON null.");
}
