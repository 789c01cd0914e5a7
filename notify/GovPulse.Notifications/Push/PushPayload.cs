using System.Text.Json;
using System.Text.Json.Serialization;
using GovPulse.Notifications.Notices;

namespace GovPulse.Notifications.Push;

/// <summary>
/// What the service worker receives (encrypted): one notice in the subscription's language, as
/// JSON — <c>id, kind, title, body, url, tag, lang, createdAt, unit</c>.
/// </summary>
public sealed record PushPayload(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("tag")] string Tag,
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("createdAt")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("unit")] string? Unit)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary><paramref name="notice"/> in <paramref name="language"/> (<c>vi</c> unless <c>en</c>).</summary>
    public static PushPayload Of(Notice notice, string? language)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var lang = string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? "en" : "vi";
        return new PushPayload(
            notice.Id, KindName(notice.Kind), notice.Title.In(lang), notice.Body.In(lang), notice.Url, notice.Topic, lang, notice.CreatedAt, notice.UnitCode);
    }

    /// <summary>The wire name of a kind: <c>test, hourly, digest, daily, alertStarted, alertCleared, morningList</c>.</summary>
    public static string KindName(NoticeKind kind) => kind switch
    {
        NoticeKind.Test => "test",
        NoticeKind.Hourly => "hourly",
        NoticeKind.Digest => "digest",
        NoticeKind.Daily => "daily",
        NoticeKind.AlertStarted => "alertStarted",
        NoticeKind.AlertCleared => "alertCleared",
        NoticeKind.MorningList => "morningList",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The JSON text (UTF-8 on the wire; Vietnamese letters as themselves).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
