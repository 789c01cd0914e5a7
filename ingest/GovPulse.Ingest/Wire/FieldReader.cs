using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovPulse.Storage.ClickHouse;

namespace GovPulse.Ingest.Wire;

/// <summary>
/// Reads typed fields of one event object and keeps the first problem as a message that names the
/// field, shows the offending value and says what is expected. A required field's message also says
/// who needs it (<c>every event</c>, <c>a dossier event (ProcessingCompleted)</c>, <c>DossierReceived</c>).
/// </summary>
internal sealed partial class FieldReader(JsonElement o)
{
    private const string Time = "an ISO 8601 time with offset";

    private static readonly string Range =
        $"{EventStore.EarliestTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)} to {EventStore.LatestTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture)}";

    public string? Error { get; private set; }

    /// <summary>An id or code: visible text (<see cref="TextRule.Identifier"/>).</summary>
    public string? RequiredId(string name, int maxLength, string neededBy) => ReadString(name, maxLength, TextRule.Identifier, neededBy);

    /// <summary>Free text such as a refusal's reason (<see cref="TextRule.FreeText"/>).</summary>
    public string? OptionalText(string name, int maxLength) => ReadString(name, maxLength, TextRule.FreeText, neededBy: null);

    /// <summary>A string that must be one of <paramref name="choices"/> exactly (case matters).</summary>
    /// <param name="notAChoice">The end of the message for any other value, e.g. <c>is not one of online, direct, postal</c>.</param>
    public string? RequiredChoice(string name, IReadOnlyList<string> choices, string neededBy, string notAChoice)
    {
        if (!TryGet(name, out var v))
        {
            Missing(name, neededBy, $"one of {string.Join(", ", choices)}");
            return null;
        }

        if (v.ValueKind == JsonValueKind.String && WireString.TryGetString(v, out var s) && choices.Contains(s, StringComparer.Ordinal))
        {
            return s;
        }

        Fail($"{name} {ShownValue.Of(v)} {notAChoice}");
        return null;
    }

    /// <summary>Wire enum values are lower case (<c>online</c>, <c>dissatisfied</c>).</summary>
    public T? RequiredEnum<T>(string name, string neededBy)
        where T : struct, Enum
    {
        var text = RequiredChoice(name, WireEnum<T>.Names, neededBy, WireEnum<T>.NotAName);
        return text is null ? null : WireEnum<T>.Values[WireEnum<T>.Names.IndexOf(text)];
    }

    public DateTimeOffset? RequiredTime(string name, string neededBy) => ReadTime(name, neededBy);

    public DateTimeOffset? OptionalTime(string name) => ReadTime(name, neededBy: null);

    public bool? RequiredBool(string name, string neededBy) => ReadBool(name, neededBy);

    public bool? OptionalBool(string name) => ReadBool(name, neededBy: null);

    public int? OptionalWholeNumber(string name, int min, int max)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n) || n < min || n > max)
        {
            Fail($"{name} {ShownValue.Of(v)} is not a whole number in {min}..{max}");
            return null;
        }

        return n;
    }

    /// <summary>An amount of money in VND: a number, 0 or more.</summary>
    public decimal? OptionalAmount(string name)
    {
        if (!TryGet(name, out var v))
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d))
        {
            Fail($"{name} {ShownValue.Of(v)} is not a number; expected an amount in VND, 0 or more");
            return null;
        }

        if (d < 0)
        {
            Fail($"{name} {ShownValue.Of(v)} is negative; expected an amount in VND, 0 or more");
            return null;
        }

        return d;
    }

    /// <summary>A field as the sender wrote it, for messages that compare two fields.</summary>
    public string Shown(string name) => o.TryGetProperty(name, out var v) ? ShownValue.Of(v) : "(none)";

    /// <summary>ISO 8601 with an explicit offset (<c>Z</c> or <c>±hh:mm</c>): a time without one is ambiguous and rejected.</summary>
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex TimeWithOffset();

    private string? ReadString(string name, int maxLength, TextRule rule, string? neededBy)
    {
        if (!TryGet(name, out var v))
        {
            Missing(name, neededBy, NonEmptyString(maxLength));
            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            Fail($"{name} {ShownValue.Of(v)} is not a string");
            return null;
        }

        var problem = WireString.TryRead(v, rule, out var s);
        if (problem is not null)
        {
            Fail($"{name} {ShownValue.Of(v)} {problem}");
            return null;
        }

        if (neededBy is not null && string.IsNullOrWhiteSpace(s))
        {
            Fail($"{name} {ShownValue.Quoted(s)} is empty; {neededBy} needs {NonEmptyString(maxLength)}");
            return null;
        }

        if (s.Length > maxLength)
        {
            Fail($"{name} {ShownValue.Quoted(s)} is {s.Length} characters long; at most {maxLength} are allowed");
            return null;
        }

        return s;
    }

    private DateTimeOffset? ReadTime(string name, string? neededBy)
    {
        if (!TryGet(name, out var v))
        {
            Missing(name, neededBy, Time);
            return null;
        }

        var text = v.ValueKind == JsonValueKind.String && WireString.TryGetString(v, out var s) && TimeWithOffset().IsMatch(s) ? s : null;
        // The pattern fixes the positions: yyyy-MM-ddTHH:mm:ss, seconds at 17–18.
        if (text is { Length: > 18 } && text[16] == ':' && text[17] == '6' && text[18] == '0')
        {
            Fail($"{name} {ShownValue.Of(v)} is a leap second (second 60), which the event store cannot hold; expected seconds 00 to 59");
            return null;
        }

        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            Fail($"{name} {ShownValue.Of(v)} is not a valid ISO 8601 time with offset");
            return null;
        }

        // The events table keeps times as DateTime64(3, 'Asia/Ho_Chi_Minh'): outside its range a
        // time is stored clamped or read back as another one, so it would differ from what the grains applied.
        if (t < EventStore.EarliestTime || t > EventStore.LatestTime)
        {
            Fail($"{name} {ShownValue.Of(v)} is outside the times the event store holds exactly ({Range}); expected a time in that range");
            return null;
        }

        return t;
    }

    private bool? ReadBool(string name, string? neededBy)
    {
        if (!TryGet(name, out var v))
        {
            Missing(name, neededBy, "true or false");
            return null;
        }

        if (v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Fail($"{name} {ShownValue.Of(v)} is not true or false");
            return null;
        }

        return v.GetBoolean();
    }

    private static string NonEmptyString(int maxLength) => $"a non-empty string of at most {maxLength} characters";

    /// <summary>Whether the field is there (null counts as absent).</summary>
    private bool TryGet(string name, out JsonElement value) => o.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>An absent field: the error when it is required (<paramref name="neededBy"/> set), nothing when optional.</summary>
    private void Missing(string name, string? neededBy, string expected)
    {
        if (neededBy is not null)
        {
            Fail($"{name} is missing; {neededBy} needs {expected}");
        }
    }

    private void Fail(string message) => Error ??= message;
}
