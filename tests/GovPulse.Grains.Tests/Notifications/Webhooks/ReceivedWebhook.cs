using System.Text.Json;

namespace GovPulse.Grains.Tests.Notifications.Webhooks;

/// <summary>One request the test receiver got, with the status it answered.</summary>
public sealed record ReceivedWebhook(string Name, string Body, string Timestamp, string Signature, string DeliveryId, string ContentType, int Status)
{
    public string NoticeId => JsonDocument.Parse(Body).RootElement.GetProperty("id").GetString()!;

    public bool Accepted => Status is >= 200 and < 300;
}
