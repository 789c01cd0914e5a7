using GovPulse.Notifications.Notices;

namespace GovPulse.Notifications.Alerts;

/// <summary>
/// A transition's notice, stored with the state before it is sent and kept until both its
/// deliveries are done, so a failure after the state was written is retried (the id stays the same).
/// </summary>
/// <param name="ToPerson">Still to hand to the rule's owner (<see cref="IPersonNotifier"/>).</param>
/// <param name="ToWebhooks">Still to hand to the webhook outbox.</param>
public sealed record UnsentNotice(Notice Notice, bool ToPerson, bool ToWebhooks);
