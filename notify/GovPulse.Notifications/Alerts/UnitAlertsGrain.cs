using GovPulse.Grains;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Notifications.Notices;
using GovPulse.Notifications.Webhooks;
using GovPulse.Storage.ClickHouse;
using GovPulse.Storage.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GovPulse.Notifications.Alerts;

/// <inheritdoc cref="IUnitAlertsGrain"/>
/// <remarks>
/// Order of work for each scorecard: ask the rules grain which rules concern the unit (a deleted
/// rule's state is dropped, silently); fetch the unit's open overdue dossiers when a dossier rule is
/// among them; judge each rule; store each changed state — with the notices of its transitions as
/// "unsent" — before anything is sent; then hand every unsent notice to the owner
/// (<see cref="IPersonNotifier"/>) and to the webhook outbox, and store that it went. A failure leaves
/// the notice unsent and it is sent again (same id) after the next scorecard, also on another node.
/// </remarks>
public sealed partial class UnitAlertsGrain(
    AlertStateStore states,
    IUserStore users,
    UnitDirectory units,
    IServiceProvider services,
    AlertEvaluationProbe probe,
    ILogger<UnitAlertsGrain> logger) : Grain, IUnitAlertsGrain
{
    /// <summary>Overdue dossiers fetched per call to the unit grain.</summary>
    private const int OverduePage = 500;

    private readonly Dictionary<string, Held> _held = new(StringComparer.Ordinal);
    private Unit _unit = null!;
    private IAlertRulesGrain _rules = null!;
    private IUnitGrain _unitGrain = null!;
    private Scorecard? _next;
    private Task _running = Task.CompletedTask;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var code = this.GetPrimaryKeyString();
        _unit = units.Find(code) ?? throw new InvalidOperationException($"Unit '{code}' is not a known unit.");
        // Made once: GetGrain reflects on every call, and every pushed scorecard comes through here.
        _rules = GrainFactory.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key);
        _unitGrain = GrainFactory.GetGrain<IUnitGrain>(code);
        foreach (var stored in await states.ReadUnitAsync(code, cancellationToken))
        {
            _held[stored.RuleId] = new Held(stored.State, stored.Version);
        }
    }

    public Task Evaluate(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        _next = scorecard;
        if (_running.IsCompleted)
        {
            // Judged outside this call, so scorecards arriving meanwhile replace one another instead of queueing behind a slow delivery.
            _running = RunAsync();
        }

        return Task.CompletedTask;
    }

    private async Task RunAsync()
    {
        while (_next is { } scorecard)
        {
            _next = null;
            Exception? failure = null;
            try
            {
                await JudgeAsync(scorecard);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failure = ex;
                LogFailed(ex, _unit.Code);
            }

            probe.Judged(_unit.Code, scorecard, failure);
        }
    }

    private async Task JudgeAsync(Scorecard scorecard)
    {
        var rules = await _rules.Concerning(_unit.Code);
        var live = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in _held.Keys.Where(id => !live.Contains(id)).ToList())
        {
            _held.Remove(gone); // a deleted rule: its state goes with it, and no notice
        }

        if (rules.IsEmpty)
        {
            return;
        }

        var overdue = rules.Any(r => r.Kind == AlertKind.DossierOverdue) && !UnitDirectory.IsPooled(_unit)
            ? await OverdueAsync(scorecard.EvaluatedAt)
            : null;
        foreach (var rule in rules)
        {
            var held = _held.GetValueOrDefault(rule.Id) ?? new Held(AlertState.Empty, 0);
            var judgement = AlertJudge.Judge(rule, held.State, scorecard, overdue);
            var next = judgement.State;
            if (judgement.Transitions.Count > 0)
            {
                var made = judgement.Transitions.Select((t, i) => new UnsentNotice(AlertNotices.For(t, _unit.Name, next.Transitions + i + 1), true, true));
                next = next with { Transitions = next.Transitions + judgement.Transitions.Count, Unsent = next.Unsent.AddRange(made) };
            }

            _held[rule.Id] = judgement.Changed || judgement.Transitions.Count > 0
                ? new Held(next, await states.WriteAsync(rule.Id, _unit.Code, next, held.Version))
                : held with { State = next };
        }

        await DeliverAsync(rules);
    }

    /// <summary>Hands every unsent notice to its owner and the webhooks, storing what went.</summary>
    private async Task DeliverAsync(IReadOnlyList<AlertRule> rules)
    {
        foreach (var rule in rules)
        {
            if (_held.GetValueOrDefault(rule.Id) is not { State.Unsent.IsEmpty: false } held)
            {
                continue;
            }

            var owner = await users.FindAsync(rule.Owner);
            var mayRead = AlertAccess.MayRead(owner, rule.Kind, _unit.Code);
            var unsent = held.State.Unsent;
            var left = new List<UnsentNotice>();
            foreach (var item in unsent)
            {
                var current = item;
                try
                {
                    if (current.ToPerson)
                    {
                        if (mayRead)
                        {
                            await Notifier().NotifyAsync(rule.Owner, current.Notice);
                        }
                        else
                        {
                            LogOwnerMayNotRead(LogText.Escape(rule.Owner), rule.Id, _unit.Code);
                        }

                        current = current with { ToPerson = false };
                    }

                    if (current.ToWebhooks)
                    {
                        if (mayRead)
                        {
                            await Outbox().EnqueueAsync(current.Notice);
                        }

                        current = current with { ToWebhooks = false };
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    LogDeliveryFailed(ex, current.Notice.Id);
                }

                if (current.ToPerson || current.ToWebhooks)
                {
                    left.Add(current);
                }
            }

            var next = held.State with { Unsent = [.. left] };
            if (!next.SameStoredAs(held.State))
            {
                _held[rule.Id] = new Held(next, await states.WriteAsync(rule.Id, _unit.Code, next, held.Version));
            }
        }
    }

    private async Task<IReadOnlyList<DossierToChase>> OverdueAsync(DateTimeOffset asOf)
    {
        var list = new List<DossierToChase>();
        while (true)
        {
            var page = await _unitGrain.GetDossiersToChase(ChaseStatus.Overdue, list.Count, OverduePage, asOf);
            list.AddRange(page.Dossiers);
            if (page.Dossiers.Count == 0 || list.Count >= page.Total)
            {
                return list;
            }
        }
    }

    // Resolved when a notice is due, not at activation: a node without the notifier or the outbox
    // (another area not deployed) keeps the notice unsent and says so, rather than failing every evaluation.
    private IPersonNotifier Notifier() =>
        services.GetService<IPersonNotifier>() ?? throw new InvalidOperationException("No IPersonNotifier is registered on this node.");

    private IWebhookOutbox Outbox() =>
        services.GetService<IWebhookOutbox>() ?? throw new InvalidOperationException("No IWebhookOutbox is registered on this node.");

    private sealed record Held(AlertState State, ulong Version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alerts of unit {Unit} could not be judged; the next scorecard tries again")]
    private partial void LogFailed(Exception exception, string unit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert notice {NoticeId} could not be delivered; sent again after the next scorecard")]
    private partial void LogDeliveryFailed(Exception exception, string noticeId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {Rule} of {Owner} for unit {Unit} not sent: the owner is disabled, gone, or may no longer read the unit")]
    private partial void LogOwnerMayNotRead(string owner, string rule, string unit);
}
