using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Scoring;
using GovPulse.Notifications.Alerts;
using static GovPulse.Notifications.Tests.Alerts.Scorecards;

namespace GovPulse.Notifications.Tests.Alerts;

public sealed class AlertJudgeTests
{
    /// <summary>Judges the scorecards in order from an empty state; the transitions of each step and the final state.</summary>
    private static (List<IReadOnlyList<AlertTransition>> Steps, AlertState State) Run(AlertRule rule, params Scorecard[] scorecards)
    {
        var state = AlertState.Empty;
        var steps = new List<IReadOnlyList<AlertTransition>>();
        foreach (var scorecard in scorecards)
        {
            var judgement = AlertJudge.Judge(rule, state, scorecard);
            steps.Add(judgement.Transitions);
            state = judgement.State;
        }

        return (steps, state);
    }

    [Fact]
    public void A_band_drop_fires_once_says_nothing_while_it_falls_further_and_clears_once_back_at_the_band_it_had()
    {
        var (steps, state) = Run(
            Rule(AlertKind.BandDrop),
            Of("Tốt"), Of("Khá", minute: 1), Of("Trung bình", minute: 2), Of("Khá", minute: 3), Of("Tốt", minute: 4), Of("Tốt", minute: 5));

        steps.Select(s => s.Count).Should().Equal(0, 1, 0, 0, 1, 0);
        steps[1].Single().Should().Match<AlertTransition>(t => t.Started && t.FromBand == "Tốt" && t.ToBand == "Khá" && t.At == Start.AddMinutes(1));
        steps[4].Single().Should().Match<AlertTransition>(t => !t.Started && t.FromBand == "Tốt" && t.ToBand == "Tốt");
        state.Firing.Should().BeFalse();
        state.LastBand.Should().Be("Tốt");
    }

    [Fact]
    public void After_clearing_a_band_drop_a_new_drop_fires_again_against_the_band_just_seen()
    {
        var (steps, _) = Run(Rule(AlertKind.BandDrop), Of("Khá"), Of("Xuất sắc", minute: 1), Of("Tốt", minute: 2));

        steps.Select(s => s.Count).Should().Equal(0, 0, 1);
        steps[2].Single().FromBand.Should().Be("Xuất sắc");
    }

    [Fact]
    public void A_scorecard_without_data_changes_nothing()
    {
        var rule = Rule(AlertKind.BandDrop);
        var (_, firing) = Run(rule, Of("Tốt"), Of("Khá", minute: 1));

        foreach (var empty in new[] { Of("Tốt", received: 0, minute: 2), Of(null, minute: 3, total: null), Of("Yếu", received: 0, minute: 4) })
        {
            var judgement = AlertJudge.Judge(rule, firing, empty);
            judgement.Transitions.Should().BeEmpty();
            judgement.Changed.Should().BeFalse();
            judgement.State.LastBand.Should().Be("Khá");
        }

        var onTime = Rule(AlertKind.OnTimeBelow, 80m);
        var (_, below) = Run(onTime, Of(onTime: 70m));
        AlertJudge.Judge(onTime, below, Of(onTime: null, minute: 1)).Transitions.Should().BeEmpty("the indicator has no data");
        AlertJudge.Judge(onTime, below, Of(onTime: 95m, received: 0, minute: 1)).Transitions.Should().BeEmpty("no dossier in the period");
    }

    [Fact]
    public void The_first_band_seen_only_sets_the_memory()
    {
        var (steps, state) = Run(Rule(AlertKind.BandDrop), Of("Yếu"));

        steps.Single().Should().BeEmpty();
        state.LastBand.Should().Be("Yếu");
    }

    [Fact]
    public void On_time_below_starts_below_the_threshold_and_clears_at_it()
    {
        var (steps, state) = Run(
            Rule(AlertKind.OnTimeBelow, 80m),
            Of(onTime: 85m), Of(onTime: 79.99m, minute: 1), Of(onTime: 60m, minute: 2), Of(onTime: 80m, minute: 3), Of(onTime: 80m, minute: 4));

        steps.Select(s => s.Count).Should().Equal(0, 1, 0, 1, 0);
        steps[1].Single().Should().Match<AlertTransition>(t => t.Started && t.Value == 79.99m);
        steps[3].Single().Should().Match<AlertTransition>(t => !t.Started && t.Value == 80m);
        state.Firing.Should().BeFalse();
    }

    [Fact]
    public void Overdue_above_starts_above_the_threshold_and_clears_at_it()
    {
        var (steps, _) = Run(
            Rule(AlertKind.OverdueAbove, 2m),
            Of(overdue: 2), Of(overdue: 3, minute: 1), Of(overdue: 7, minute: 2), Of(overdue: 2, minute: 3), Of(overdue: 0, minute: 4));

        steps.Select(s => s.Count).Should().Equal(0, 1, 0, 1, 0);
        steps[1].Single().Value.Should().Be(3m);
    }

    [Fact]
    public void A_condition_true_at_the_first_scorecard_fires_then()
    {
        var (steps, state) = Run(Rule(AlertKind.OverdueAbove, 0m), Of(overdue: 1));

        steps.Single().Single().Started.Should().BeTrue();
        state.Since.Should().Be(Start);
    }

    [Fact]
    public void A_scorecard_older_than_the_last_one_judged_is_ignored()
    {
        var rule = Rule(AlertKind.OverdueAbove, 2m);
        var (_, state) = Run(rule, Of(overdue: 5, version: 40));

        var late = AlertJudge.Judge(rule, state, Of(overdue: 0, version: 39, minute: 1));

        late.Transitions.Should().BeEmpty();
        late.State.Should().Be(state);
        AlertJudge.Judge(rule, state, Of(overdue: 0, version: 40, minute: 2)).Transitions.Should().ContainSingle("the same version judged later (a due time passed) counts");
    }

    [Fact]
    public void A_new_month_carries_the_state_over_a_condition_still_true_says_nothing_one_no_longer_true_clears()
    {
        var rule = Rule(AlertKind.OnTimeBelow, 80m);
        var (_, november) = Run(rule, Of(onTime: 70m, period: "2026-11"));

        var emptyDecember = AlertJudge.Judge(rule, november, Of(onTime: null, received: 0, period: "2026-12", minute: 1));
        var stillBelow = AlertJudge.Judge(rule, emptyDecember.State, Of(onTime: 75m, period: "2026-12", minute: 2));
        var recovered = AlertJudge.Judge(rule, stillBelow.State, Of(onTime: 100m, period: "2026-12", minute: 3));

        emptyDecember.Transitions.Should().BeEmpty();
        stillBelow.Transitions.Should().BeEmpty();
        stillBelow.State.Since.Should().Be(Start, "it has been firing since November");
        recovered.Transitions.Single().Should().Match<AlertTransition>(t => !t.Started && t.Period == "2026-12");

        var band = Rule(AlertKind.BandDrop);
        var (_, dropped) = Run(band, Of("Tốt", period: "2026-11"), Of("Khá", period: "2026-11", minute: 1));
        AlertJudge.Judge(band, dropped, Of("Khá", period: "2026-12", minute: 2)).Transitions.Should().BeEmpty();
        AlertJudge.Judge(band, dropped, Of("Tốt", period: "2026-12", minute: 2)).Transitions.Single().Started.Should().BeFalse();
    }

    [Fact]
    public void Dossiers_turning_overdue_together_start_in_one_transition_and_each_clears_when_it_leaves_the_list()
    {
        var rule = Rule(AlertKind.DossierOverdue, created: Start);
        var a = Overdue("HS-A", Start.AddHours(1));
        var b = Overdue("HS-B", Start.AddHours(2));
        var c = Overdue("HS-C", null); // a second supplement request: overdue with no due time passed
        var card = Of();

        var first = AlertJudge.Judge(rule, AlertState.Empty, card, [a]);
        var same = AlertJudge.Judge(rule, first.State, card, [a]);
        var more = AlertJudge.Judge(rule, same.State, card, [a, b, c]);
        var some = AlertJudge.Judge(rule, more.State, card, [b, Overdue("HS-D", Start.AddHours(3))]);
        var none = AlertJudge.Judge(rule, some.State, card, []);

        first.Transitions.Single().Should().Match<AlertTransition>(t => t.Started && t.Dossiers.Count == 1 && t.Dossiers[0] == "HS-A" && t.StillOverdue == 1);
        same.Transitions.Should().BeEmpty();
        same.Changed.Should().BeFalse();
        more.Transitions.Single().Dossiers.Should().Equal("HS-B", "HS-C");
        some.Transitions.Select(t => (t.Started, string.Join(",", t.Dossiers))).Should().Equal((false, "HS-A,HS-C"), (true, "HS-D"));
        none.Transitions.Single().Should().Match<AlertTransition>(t => !t.Started && t.StillOverdue == 0);
        none.State.IsFiring.Should().BeFalse();
        more.State.FiringSince.Should().Be(Start, "HS-C counts from the evaluation that saw it");
    }

    [Fact]
    public void Dossiers_that_passed_their_due_time_before_the_rule_was_set_are_not_announced()
    {
        var rule = Rule(AlertKind.DossierOverdue, created: Start);

        var judgement = AlertJudge.Judge(rule, AlertState.Empty, Of(), [Overdue("HS-OLD", Start.AddDays(-3)), Overdue("HS-NEW", Start.AddMinutes(1))]);

        judgement.Transitions.Single().Dossiers.Should().Equal("HS-NEW");
        AlertJudge.Judge(rule, judgement.State, Of(), [Overdue("HS-NEW", Start.AddMinutes(1))]).Transitions.Should().BeEmpty("HS-OLD was never announced, so nothing clears");
    }

    [Fact]
    public void Without_the_overdue_list_a_dossier_rule_changes_nothing()
    {
        var rule = Rule(AlertKind.DossierOverdue);
        var state = AlertJudge.Judge(rule, AlertState.Empty, Of(), [Overdue("HS-A", Start)]).State;

        AlertJudge.Judge(rule, state, Of(), overdue: null).Changed.Should().BeFalse();
    }

    [Fact]
    public void The_on_time_ratio_is_the_indicator_as_shown_and_the_overdue_count_the_scorecard_s()
    {
        AlertJudge.OnTimeRatio(Of(onTime: 88.42m)).Should().Be(88.42m);
        AlertJudge.OnTimeRatio(Of(onTime: null)).Should().BeNull();
        AlertJudge.OverdueCount(Of(overdue: 4)).Should().Be(4m);
        AlertJudge.OverdueCount(Of(overdue: 4, received: 0)).Should().BeNull();
        AlertJudge.RankOf(Band.Excellent.Vietnamese).Should().Be(0);
        AlertJudge.RankOf(Band.Weak.Vietnamese).Should().Be(4);
    }
}
