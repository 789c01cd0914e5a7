using System.Collections.Immutable;
using GovPulse.Indicators.Units;

namespace GovPulse.Notifications.Alerts;

/// <inheritdoc cref="IAlertRulesGrain"/>
public sealed class AlertRulesGrain(AlertRuleStore store, UnitDirectory units) : Grain, IAlertRulesGrain
{
    private ImmutableList<AlertRule> _rules = [];
    private ImmutableDictionary<string, ImmutableArray<AlertRule>> _byUnit = ImmutableDictionary<string, ImmutableArray<AlertRule>>.Empty;
    private ImmutableArray<AlertRule> _everyCommune = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Index([.. await store.ListAsync(cancellationToken)]);
    }

    public async Task<bool> TryAdd(AlertRule rule, int cap)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (_rules.Count(r => r.Owner == rule.Owner) >= cap)
        {
            return false;
        }

        await store.AddAsync(rule);
        Index(_rules.Add(rule));
        return true;
    }

    public async Task<AlertRule?> Remove(string owner, string id)
    {
        if (_rules.Find(r => r.Id == id && r.Owner == owner) is not { } rule)
        {
            return null;
        }

        await store.DeleteAsync(rule);
        Index(_rules.Remove(rule));
        return rule;
    }

    public Task<ImmutableArray<AlertRule>> OwnedBy(string owner) => Task.FromResult(_rules.Where(r => r.Owner == owner).ToImmutableArray());

    public Task<ImmutableArray<AlertRule>> Concerning(string unitCode)
    {
        var own = _byUnit.GetValueOrDefault(unitCode, []);
        return Task.FromResult(units.Find(unitCode)?.Kind == UnitKind.Commune && !_everyCommune.IsEmpty ? own.AddRange(_everyCommune) : own);
    }

    private void Index(ImmutableList<AlertRule> rules)
    {
        _rules = rules;
        _byUnit = rules.Where(r => r.UnitCode is not null)
            .GroupBy(r => r.UnitCode!, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.ToImmutableArray(), StringComparer.Ordinal);
        _everyCommune = [.. rules.Where(r => r.UnitCode is null && r.Kind.IsFigures())];
    }
}
