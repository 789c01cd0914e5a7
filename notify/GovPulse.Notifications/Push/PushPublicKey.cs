namespace GovPulse.Notifications.Push;

/// <summary><c>GET /api/v1/push/public-key</c>: the <c>applicationServerKey</c> a browser subscribes with.</summary>
public sealed record PushPublicKey(string PublicKey);
