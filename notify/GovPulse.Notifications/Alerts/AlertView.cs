using GovPulse.Indicators.Periods;

namespace GovPulse.Notifications.Alerts;

/// <summary>A rule as the alerts API shows it.</summary>
public sealed record AlertView(string Id, string Kind, string? UnitCode, decimal? Threshold, DateTimeOffset CreatedAt, IReadOnlyList<AlertFiringView> Firing)
{
    public static AlertView Of(AlertRule rule, IEnumerable<AlertFiring> firing)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new AlertView(
            rule.Id,
            rule.Kind.Name(),
            rule.UnitCode,
            rule.Threshold,
            VietnamTime.ToLocal(rule.CreatedAt),
            [.. firing.Where(f => f.RuleId == rule.Id).Select(f => new AlertFiringView(f.UnitCode, VietnamTime.ToLocal(f.Since), f.Dossiers))]);
    }
}
