namespace GovPulse.Notifications.Alerts;

/// <summary>What one evaluation made of a rule's state: the next state and its transitions (cleared before started).</summary>
/// <param name="Changed">The stored state changed (it must be written).</param>
public sealed record AlertJudgement(AlertState State, IReadOnlyList<AlertTransition> Transitions, bool Changed);
