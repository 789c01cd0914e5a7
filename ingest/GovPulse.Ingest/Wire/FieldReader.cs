using System.Globalization;
using System.Text.Json;

namespace GovPulse.Ingest.Wire;

/// <summary>Reads typed fields of one event object and keeps the first problem as a message naming the field.</summary>
internal sealed class FieldReader(JsonElement o)
{
    public string? Error { get; private set; }

    public string? RequiredString(string name, int maxLength) => ReadString(name, maxLength, required: true);

    public string? OptionalString(string name, int maxLength) => ReadString(name, maxLength, required: false);

    public DateTimeOffset? RequiredTime(string name) => ReadTime(name, required: true);

    public DateTimeOffset? OptionalTime(string name) => ReadTime(name, required: false);

    public bool? RequiredBool(string name) => ReadBool(name, required: true);

    public bool? OptionalBool(string name) => ReadBool(name, required: false);

    /// <summary>Wire enum values are lower case (<c>online</c>, <c>dissatisfied</c>).</summary>
    public T? RequiredEnum<T>(string name)
        where T : struct, Enum
    {
        var text = ReadString(name, 64, required: true);
        if (text is null)
        {
            return null;
        }

        foreach (var value in Enum.GetValues<T>())
        {
            if (string.Equals(value.ToString().ToLowerInvariant(), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        Fail($"{name} '{text}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
        return null;
    }

    public int? OptionalInt(string name, int min, int max)
    {
        if (!Present(name, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n))
        {
            Fail($"{name} must be a whole number");
            return null;
        }

        if (n < min || n > max)
        {
            Fail($"{name} {n} is outside {min}..{max}");
            return null;
        }

        return n;
    }

    public decimal? OptionalDecimal(string name)
    {
        if (!Present(name, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d))
        {
            Fail($"{name} must be a number");
            return null;
        }

        return d;
    }

    private string? ReadString(string name, int maxLength, bool required)
    {
        if (!Present(name, out var v))
        {
            if (required)
            {
                Fail($"{name} is missing");
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            Fail($"{name} must be a string");
            return null;
        }

        var s = v.GetString()!;
        if (required && string.IsNullOrWhiteSpace(s))
        {
            Fail($"{name} is empty");
            return null;
        }

        if (s.Length > maxLength)
        {
            Fail($"{name} is {s.Length} characters long; at most {maxLength} are allowed");
            return null;
        }

        return s;
    }

    private DateTimeOffset? ReadTime(string name, bool required)
    {
        var text = ReadString(name, 64, required);
        if (text is null)
        {
            return null;
        }

        if (!EventLineReader.TimeWithOffset().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            Fail($"{name} '{text}' is not a valid ISO 8601 time with offset");
            return null;
        }

        return t;
    }

    private bool? ReadBool(string name, bool required)
    {
        if (!Present(name, out var v))
        {
            if (required)
            {
                Fail($"{name} is missing");
            }

            return null;
        }

        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Fail($"{name} must be true or false");
            return null;
        }

        return v.GetBoolean();
    }

    private bool Present(string name, out JsonElement value) =>
        o.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private void Fail(string message) => Error ??= message;
}
