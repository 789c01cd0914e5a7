using System.Text.Json;
using System.Text.Json.Serialization;
using GovPulse.Indicators.Events;

namespace GovPulse.Storage.ClickHouse;

/// <summary>The serializer <see cref="StoredEventJson"/> writes and reads <c>events.payload</c> with, generated at build time.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(UnitEvent))]
internal sealed partial class StoredEventJsonContext : JsonSerializerContext;
