using CsCheck;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Scoring;
using GovPulse.Notifications.Alerts;
using static GovPulse.Notifications.Tests.Alerts.Scorecards;

namespace GovPulse.Notifications.Tests.Alerts;

/// <summary>Any sequence of scorecards: transitions alternate started, cleared, started… and the state says what the last one said.</summary>
public sealed class AlertJudgeProperties
{
    private static readonly string?[] Bands = [.. Band.All.Select(b => b.Vietnamese), null];

    private static readonly Gen<Scorecard> AnyScorecard =
        Gen.Select(
                Gen.Int[0, Bands.Length - 1],
                Gen.Int[0, 4],
                Gen.Int[-1, 10_000],
                Gen.Int[0, 6],
                Gen.Int[0, 50],
                Gen.Int[0, 1])
            .Select((band, received, ratio, overdue, version, month) => Of(
                Bands[band],
                ratio < 0 ? null : ratio / 100m,
                overdue,
                received: received == 0 ? 0 : received * 3,
                version: version,
                period: month == 0 ? "2026-11" : "2026-12"));

    [Fact]
    public void Figure_rules_alternate_started_and_cleared_whatever_the_scorecards()
    {
        Gen.Select(AnyScorecard.Array[1, 40], Gen.Int[0, 2], Gen.Int[0, 100]).Sample((scorecards, kindIndex, threshold) =>
        {
            var kind = new[] { AlertKind.BandDrop, AlertKind.OnTimeBelow, AlertKind.OverdueAbove }[kindIndex];
            var rule = Rule(kind, kind == AlertKind.BandDrop ? null : kind == AlertKind.OverdueAbove ? threshold % 6 : threshold);
            var state = AlertState.Empty;
            var expectStarted = true;
            foreach (var scorecard in scorecards)
            {
                var judgement = AlertJudge.Judge(rule, state, scorecard);
                judgement.Transitions.Count.Should().BeLessThanOrEqualTo(1);
                foreach (var transition in judgement.Transitions)
                {
                    transition.Started.Should().Be(expectStarted, "a transition never repeats the one before it");
                    expectStarted = !expectStarted;
                }

                judgement.State.Firing.Should().Be(!expectStarted, "the state says what the last transition said");
                var ignored = scorecard.Version < state.LastVersion;
                if (!ignored && kind != AlertKind.BandDrop && Value(kind, scorecard) is { } value)
                {
                    judgement.State.Firing.Should().Be(kind == AlertKind.OnTimeBelow ? value < rule.Threshold : value > rule.Threshold);
                }

                if (judgement.State.Firing && kind == AlertKind.BandDrop)
                {
                    AlertJudge.RankOf(judgement.State.LastBand).Should().BeGreaterThan(AlertJudge.RankOf(judgement.State.FromBand)!.Value, "firing means below the band it had");
                }

                judgement.Changed.Should().Be(!judgement.State.SameStoredAs(state));
                state = judgement.State;
            }
        }, iter: 2_000);
    }

    [Fact]
    public void Each_dossier_alternates_started_and_cleared_and_the_state_holds_the_announced_ones_still_overdue()
    {
        var created = Start;
        var dossiers = Enumerable.Range(0, 6)
            .Select(i => Overdue($"HS-{i}", i switch { 0 => created.AddDays(-1), 1 => null, _ => created.AddHours(i) }))
            .ToArray();
        Gen.Int[0, (1 << dossiers.Length) - 1].Array[1, 30].Sample(masks =>
        {
            var rule = Rule(AlertKind.DossierOverdue, created: created);
            var state = AlertState.Empty;
            var announced = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var mask in masks)
            {
                var list = dossiers.Where((_, i) => (mask & (1 << i)) != 0).ToList();
                var judgement = AlertJudge.Judge(rule, state, Of(), list);
                judgement.Transitions.Count.Should().BeLessThanOrEqualTo(2);
                foreach (var transition in judgement.Transitions)
                {
                    foreach (var id in transition.Dossiers)
                    {
                        announced.GetValueOrDefault(id).Should().Be(!transition.Started, $"{id} alternates");
                        announced[id] = transition.Started;
                    }
                }

                judgement.State.Dossiers.Keys.Should().BeEquivalentTo(announced.Where(a => a.Value).Select(a => a.Key));
                judgement.State.Dossiers.Keys.Should().BeSubsetOf(list.Select(d => d.DossierId));
                judgement.State.Dossiers.Should().NotContainKey("HS-0", "it was overdue before the rule was set");
                state = judgement.State;
            }
        }, iter: 2_000);
    }

    private static decimal? Value(AlertKind kind, Scorecard scorecard) =>
        kind == AlertKind.OnTimeBelow ? AlertJudge.OnTimeRatio(scorecard) : AlertJudge.OverdueCount(scorecard);
}
