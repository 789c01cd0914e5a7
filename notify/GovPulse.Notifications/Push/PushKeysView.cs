namespace GovPulse.Notifications.Push;

/// <summary>The node's VAPID public key for admins: when it was made and where it lives (<c>file</c> or <c>configuration</c>).</summary>
public sealed record PushKeysView(string PublicKey, DateTimeOffset CreatedAt, string Source)
{
    public static PushKeysView Of(VapidKeyPair pair, bool configured)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return new(pair.PublicKey, pair.CreatedAt, configured ? "configuration" : "file");
    }
}
