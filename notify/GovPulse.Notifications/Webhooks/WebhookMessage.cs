using System.Text;
using System.Text.Json;
using GovPulse.Notifications.Notices;

namespace GovPulse.Notifications.Webhooks;

/// <summary>
/// The JSON a webhook receives for a notice, both languages at once:
/// <c>{ "id", "kind", "createdAt", "unit", "title": { "vi", "en" }, "body": { "vi", "en" }, "url", "data" }</c>.
/// Written once when the notice is enqueued and stored, so every attempt POSTs the same bytes.
/// </summary>
public static class WebhookMessage
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="publicBaseUrl">The dashboard's public address: the notice's relative url is made absolute with it.</param>
    public static string Body(Notice notice, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(notice);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("id", notice.Id);
            json.WriteString("kind", WebhookKinds.Name(notice.Kind));
            json.WriteString("createdAt", notice.CreatedAt);
            json.WriteString("unit", notice.UnitCode);
            WriteText(json, "title", notice.Title);
            WriteText(json, "body", notice.Body);
            json.WriteString("url", Absolute(notice.Url, publicBaseUrl));
            json.WritePropertyName("data");
            WriteData(json, notice.DataJson);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteText(Utf8JsonWriter json, string name, NoticeText text)
    {
        json.WriteStartObject(name);
        json.WriteString("vi", text.Vi);
        json.WriteString("en", text.En);
        json.WriteEndObject();
    }

    private static string Absolute(string url, Uri? publicBaseUrl) =>
        publicBaseUrl is not null && Uri.TryCreate(publicBaseUrl, url, out var absolute) ? absolute.AbsoluteUri : url;

    /// <summary>The notice's structured content as JSON, or null when it has none (or it is not JSON: a receiver must always be able to parse the message).</summary>
    private static void WriteData(Utf8JsonWriter json, string? dataJson)
    {
        if (string.IsNullOrWhiteSpace(dataJson))
        {
            json.WriteNullValue();
            return;
        }

        try
        {
            using var data = JsonDocument.Parse(dataJson);
            data.RootElement.WriteTo(json);
        }
        catch (JsonException)
        {
            json.WriteNullValue();
        }
    }
}
