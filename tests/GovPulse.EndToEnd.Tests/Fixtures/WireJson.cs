using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>Writes domain events in the wire format of api-v1 §1 (camelCase, enum values in lower case, types as named).</summary>
public static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new LowerCaseValues() },
    };

    /// <summary>Event types keep their names (DossierReceived); channel and rating values are lower case (online, satisfied).</summary>
    private sealed class LowerCaseValues : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

        private sealed class Converter<T> : JsonConverter<T>
            where T : struct, Enum
        {
            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
                Enum.Parse<T>(reader.GetString()!, ignoreCase: true);

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
                writer.WriteStringValue(typeof(T) == typeof(Indicators.Events.EventType) ? value.ToString() : value.ToString().ToLowerInvariant());
        }
    }
}
