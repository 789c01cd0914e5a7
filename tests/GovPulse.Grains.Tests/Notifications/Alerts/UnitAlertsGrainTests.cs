using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Scoring;
using GovPulse.Notifications.Alerts;
using GovPulse.Notifications.Notices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GovPulse.Grains.Tests.Notifications.Alerts;

/// <summary>
/// Alerts on a real cluster over the real embedded ClickHouse: events reach a unit, its scorecard goes
/// through the node's publisher to the alerts listener and the unit's alerts grain, which notifies the
/// rule's owner. Each alert fires once and clears once, across restarts of the whole cluster (the state
/// is read back from ClickHouse); a dossier rule fires when a due time passes on the scoring clock; a
/// notice that could not be sent goes out after the restart, once.
/// </summary>
public sealed class UnitAlertsGrainTests : IAsyncLifetime
{
    private const string Commune = "26737"; // Phường Tân Định
    private const string OtherCommune = "27139"; // Phường Xuân Hòa
    private const string Leader = "lanhdao";
    private const string Head = "truongphuong";

    private static readonly DateTimeOffset Monday = new(2026, 9, 14, 9, 0, 0, TimeSpan.FromHours(7));

    private readonly FakeTimeProvider _time = new(Monday);
    private readonly string _database = "alerts_" + Guid.NewGuid().ToString("N")[..12];
    private readonly RecordingPersonNotifier _notifier = new();
    private readonly RecordingWebhookOutbox _outbox = new();
    private readonly RecordingAlertProbe _probe = new();
    private readonly Dictionary<string, int> _events = [];
    private AlertsCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await StartAsync();
        await _cluster.AddUserAsync(Leader, "leader");
        await _cluster.AddUserAsync(Head, "departmentHead", OtherCommune);
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_commune_that_drops_a_band_fires_once_clears_once_and_a_restart_neither_repeats_nor_forgets()
    {
        // Every commune the leader reads (unitCode null).
        var rule = await _cluster.AddRuleAsync(new AlertRule(AlertRule.NewId(), Leader, AlertKind.BandDrop, null, null, Monday.AddHours(-1)));

        var first = await Receive(Commune, 4);
        first.Band.Should().Be("Trung bình");
        Started().Should().BeEmpty("the first band seen is what later ones compare with");

        var overdue = await PassTime(Commune, TimeSpan.FromDays(2.5));
        overdue.Band.Should().Be("Yếu");
        var started = Started().Should().ContainSingle().Subject;
        started.Title.Vi.Should().Be("Cảnh báo: Phường Tân Định giảm xếp loại");
        started.Body.Vi.Should().StartWith("Xếp loại giảm từ Trung bình xuống Yếu (Tổng điểm 20,69)");
        started.Urgency.Should().Be(NoticeUrgency.High);
        started.Url.Should().Be("/#/units/26737");
        _outbox.Enqueued.Should().ContainSingle().Which.Id.Should().Be(started.Id);

        (await Receive(Commune, 1)).Band.Should().Be("Yếu");
        Started().Should().ContainSingle("still dropped: nothing new");

        await RestartAsync();
        (await Receive(Commune, 4)).Band.Should().Be("Yếu");
        Started().Should().ContainSingle("the restarted node read the state back: the alert is still firing, not new");
        var firing = await _cluster.Silo.GetRequiredService<AlertStateStore>().FiringAsync([rule.Id]);
        firing.Should().ContainSingle().Which.Should().Match<AlertFiring>(f => f.UnitCode == Commune && f.Since == overdue.EvaluatedAt);

        (await Receive(Commune, 12)).Band.Should().Be("Trung bình");
        var cleared = Cleared().Should().ContainSingle().Subject;
        cleared.Title.Vi.Should().Be("Hết cảnh báo: Phường Tân Định trở lại xếp loại Trung bình");
        cleared.Topic.Should().Be(started.Topic, "the cleared notice replaces an unread started one");
        cleared.Urgency.Should().Be(NoticeUrgency.Normal);

        await RestartAsync();
        (await Receive(Commune, 4)).Band.Should().Be("Trung bình");
        _notifier.To(Leader).Select(n => n.Kind).Should().Equal(NoticeKind.AlertStarted, NoticeKind.AlertCleared);
        _outbox.Enqueued.Select(n => n.Id).Should().Equal(started.Id, cleared.Id);
        (await _cluster.Silo.GetRequiredService<AlertStateStore>().FiringAsync([rule.Id])).Should().BeEmpty();
    }

    [Fact]
    public async Task A_department_head_hears_of_each_dossier_of_their_unit_turning_overdue_when_its_due_time_passes_and_when_it_is_finished()
    {
        await _cluster.AddRuleAsync(new AlertRule(AlertRule.NewId(), Head, AlertKind.DossierOverdue, OtherCommune, null, Monday.AddMinutes(-1)));
        var early = Events.Received(OtherCommune, "HS-001", Monday) with { DueAt = Monday.AddDays(1) };
        var later = Events.Received(OtherCommune, "HS-002", Monday) with { DueAt = Monday.AddDays(2) };
        await Apply(OtherCommune, early, later);
        _notifier.Sent.Should().BeEmpty();

        await PassTime(OtherCommune, TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var first = _notifier.To(Head).Should().ContainSingle().Subject;
        first.Kind.Should().Be(NoticeKind.AlertStarted);
        first.Title.Vi.Should().Be("Cảnh báo: hồ sơ HS-001 quá hạn tại Phường Xuân Hòa");
        first.Body.Vi.Should().Be("HS-001. Đang quá hạn: 1 hồ sơ.");
        first.Url.Should().Be("/#/units/27139/late");

        await PassTime(OtherCommune, TimeSpan.FromDays(1));
        _notifier.To(Head).Should().HaveCount(2);
        _notifier.To(Head)[1].Title.En.Should().Be("Alert: dossier HS-002 is overdue at Phường Xuân Hòa");

        await Apply(OtherCommune, Events.Completed(OtherCommune, "HS-001", _time.GetUtcNow()));
        var cleared = _notifier.To(Head)[^1];
        cleared.Kind.Should().Be(NoticeKind.AlertCleared);
        cleared.Title.Vi.Should().Be("Hết cảnh báo: hồ sơ HS-001 không còn quá hạn tại Phường Xuân Hòa");
        cleared.Body.Vi.Should().Be("HS-001. Đang quá hạn: 1 hồ sơ.");
        _notifier.Sent.Should().HaveCount(3).And.OnlyContain(s => s.Username == Head);
    }

    [Fact]
    public async Task A_notice_that_could_not_be_sent_after_the_state_was_stored_goes_out_once_after_a_restart_before_the_next_one()
    {
        var rule = await _cluster.AddRuleAsync(new AlertRule(AlertRule.NewId(), Leader, AlertKind.OverdueAbove, Commune, 0m, Monday.AddHours(-1)));
        await Receive(Commune, 1);
        _notifier.Failing = true;

        var overdue = await PassTime(Commune, TimeSpan.FromDays(2.5));
        _notifier.Sent.Should().BeEmpty();
        _outbox.Enqueued.Should().BeEmpty("the owner's delivery failed first; both are tried again together");
        (await _cluster.Silo.GetRequiredService<AlertStateStore>().FiringAsync([rule.Id])).Should().ContainSingle("the state is stored before anything is sent");

        _time.Advance(TimeSpan.FromHours(1)); // so a notice made again after the restart would say a later time
        _notifier.Failing = false;
        await RestartAsync();
        // The overdue dossier is finished: the restarted grain sends what it stored as unsent, then the new "cleared".
        await Apply(Commune, Events.Completed(Commune, $"{Commune}-d1", _time.GetUtcNow()));
        _notifier.To(Leader).Select(n => (n.Kind, n.Id)).Should().Equal(
            (NoticeKind.AlertStarted, $"alert/{rule.Id}/{Commune}/1"), (NoticeKind.AlertCleared, $"alert/{rule.Id}/{Commune}/2"));
        _notifier.To(Leader)[0].Title.Vi.Should().Be("Cảnh báo: Phường Tân Định có 1 hồ sơ quá hạn");
        _notifier.To(Leader)[0].CreatedAt.Should().Be(overdue.EvaluatedAt, "it is the notice stored before the restart, not one made again");
        _outbox.Enqueued.Select(n => n.Id).Should().Equal(_notifier.To(Leader).Select(n => n.Id));

        await Receive(Commune, 1);
        _notifier.Sent.Should().HaveCount(2, "each sent once, then marked sent");
    }

    [Fact]
    public async Task A_deleted_rule_drops_its_state_and_says_nothing_when_its_condition_clears()
    {
        var rules = _cluster.Grains.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key);
        var rule = await _cluster.AddRuleAsync(new AlertRule(AlertRule.NewId(), Leader, AlertKind.OnTimeBelow, Commune, 50m, Monday.AddHours(-1)));
        await Receive(Commune, 2);
        await PassTime(Commune, TimeSpan.FromDays(2.5));
        Started().Should().ContainSingle().Which.Body.Vi.Should().Contain("0%");

        (await rules.Remove("someone-else", rule.Id)).Should().BeNull("only the owner deletes a rule");
        (await rules.Remove(Leader, rule.Id)).Should().Be(rule);
        var states = _cluster.Silo.GetRequiredService<AlertStateStore>();
        await states.DeleteRuleAsync(rule.Id);
        (await states.FiringAsync([rule.Id])).Should().BeEmpty();

        await Receive(Commune, 10);
        _notifier.Sent.Should().ContainSingle("no cleared notice for a deleted rule");
        (await rules.OwnedBy(Leader)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_person_s_rules_stop_at_the_cap_and_are_read_back_after_a_restart()
    {
        var rules = _cluster.Grains.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key);
        var made = 0;
        AlertRule Rule(string owner, string? unit) => new(AlertRule.NewId(), owner, AlertKind.OverdueAbove, unit, 3m, Monday.AddMinutes(made++));
        var kept = new[] { Rule(Leader, Commune), Rule(Leader, null) };
        foreach (var rule in kept)
        {
            (await rules.TryAdd(rule, 2)).Should().BeTrue();
        }

        (await rules.TryAdd(Rule(Leader, OtherCommune), 2)).Should().BeFalse("the leader has 2 rules, the cap");
        (await rules.TryAdd(Rule(Head, OtherCommune), 2)).Should().BeTrue("the cap is per person");

        await RestartAsync();
        rules = _cluster.Grains.GetGrain<IAlertRulesGrain>(IAlertRulesGrain.Key);
        (await rules.OwnedBy(Leader)).Should().Equal(kept, "oldest first");
        (await rules.Concerning(Commune)).Should().BeEquivalentTo(kept, "a rule on the commune and one on every commune");
        (await rules.Concerning(OtherCommune)).Select(r => r.Owner).Should().BeEquivalentTo([Leader, Head]);
        (await rules.Concerning("79")).Should().BeEmpty("every commune is not the city");
        (await rules.TryAdd(Rule(Leader, OtherCommune), 2)).Should().BeFalse("the cap holds after the restart");
    }

    private IReadOnlyList<Notice> Started() => [.. _notifier.Sent.Select(s => s.Notice).Where(n => n.Kind == NoticeKind.AlertStarted)];

    private IReadOnlyList<Notice> Cleared() => [.. _notifier.Sent.Select(s => s.Notice).Where(n => n.Kind == NoticeKind.AlertCleared)];

    private Task<AlertsCluster> StartAsync() => AlertsCluster.StartAsync(_database, new ScoringClock(_time), _notifier, _outbox, _probe);

    private async Task RestartAsync()
    {
        await _cluster.DisposeAsync();
        _cluster = await StartAsync();
    }

    /// <summary><paramref name="count"/> new dossiers received now at <paramref name="unit"/>; the scorecard the alerts judged after them.</summary>
    private Task<Scorecard> Receive(string unit, int count)
    {
        var from = _events.GetValueOrDefault(unit);
        return Apply(unit, [.. Enumerable.Range(from + 1, count).Select(i => Events.Received(unit, $"{unit}-d{i}", _time.GetUtcNow()))]);
    }

    private async Task<Scorecard> Apply(string unit, params UnitEvent[] events)
    {
        var position = _events[unit] = _events.GetValueOrDefault(unit) + events.Length;
        var judged = _probe.Next(unit, s => s.Version >= position);
        await _cluster.Grains.GetGrain<IUnitGrain>(unit).Apply([.. events]);
        return await judged;
    }

    /// <summary>Moves the scoring clock; the scorecard the alerts judged when the unit re-judged itself.</summary>
    private async Task<Scorecard> PassTime(string unit, TimeSpan by)
    {
        var until = _time.GetUtcNow() + by;
        var judged = _probe.Next(unit, s => s.EvaluatedAt >= until);
        _time.Advance(by);
        return await judged;
    }
}
