using System.Collections.Immutable;
using Orleans.Concurrency;

namespace GovPulse.Notifications.Alerts;

/// <summary>
/// Every alert rule of the cluster, in one grain (<see cref="Key"/>): changes of rules meet here one at
/// a time (so a person's cap holds across nodes), and each unit's alerts grain asks it which rules
/// concern the unit. Rules are few (people × a cap), so all of them live in memory; the grain reads
/// them from <c>alert_rules</c> when it activates, on whichever node, and writes each change there first.
/// </summary>
[Alias("govpulse.alert-rules")]
public interface IAlertRulesGrain : IGrainWithStringKey
{
    public const string Key = "rules";

    /// <summary>Stores the rule unless its owner already has <paramref name="cap"/> rules; false then.</summary>
    [Alias("add")]
    Task<bool> TryAdd(AlertRule rule, int cap);

    /// <summary>Deletes <paramref name="owner"/>'s rule <paramref name="id"/>; null when the owner has no such rule.</summary>
    [Alias("remove")]
    Task<AlertRule?> Remove(string owner, string id);

    /// <summary>The owner's rules, oldest first.</summary>
    [Alias("owned-by"), ReadOnly, AlwaysInterleave]
    Task<ImmutableArray<AlertRule>> OwnedBy(string owner);

    /// <summary>The rules that watch <paramref name="unitCode"/>: set on it, or (figure kinds) set on every commune when it is one.</summary>
    [Alias("concerning"), ReadOnly, AlwaysInterleave]
    Task<ImmutableArray<AlertRule>> Concerning(string unitCode);
}
