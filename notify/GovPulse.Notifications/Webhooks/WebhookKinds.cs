using System.Text.Json;
using GovPulse.Notifications.Notices;

namespace GovPulse.Notifications.Webhooks;

/// <summary>Notice kinds by their wire names (<c>hourly</c>, <c>alertStarted</c>, …), as webhooks are registered for them and receive them.</summary>
public static class WebhookKinds
{
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<NoticeKind>().Select(Name)];

    public static string Name(NoticeKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    /// <summary>The kind named <paramref name="name"/> (wire name, any case).</summary>
    public static bool TryParse(string? name, out string wireName)
    {
        wireName = All.FirstOrDefault(k => string.Equals(k, name?.Trim(), StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
        return wireName.Length > 0;
    }
}
