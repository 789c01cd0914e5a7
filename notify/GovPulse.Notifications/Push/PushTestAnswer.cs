namespace GovPulse.Notifications.Push;

/// <summary><c>POST /api/v1/push/test</c>: what the push services did with the caller's test notice.</summary>
public sealed record PushTestAnswer(int Sent, int Removed, int Failed);
