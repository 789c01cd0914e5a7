using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Notifications.Alerts;

/// <summary>
/// Judges one rule for one unit on a changed scorecard: fire once when the condition starts, once
/// when it clears, never again in between.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>bandDrop</b> starts when the band falls below the last band seen (the previous scorecard's
/// with data, whichever month) and remembers that band; falling further while firing says nothing;
/// it clears when the band is back at least at the remembered one. The first band seen only sets the memory.</item>
/// <item><b>onTimeBelow X</b>: ON_TIME_PROCESSING's ratio as the scorecard shows it (percent, 2 decimals,
/// the portal's rounding) starts below X, clears at X or above.</item>
/// <item><b>overdueAbove N</b>: the scorecard's open overdue dossiers (Đang giải quyết quá hạn) start above N, clear at N or below.</item>
/// <item><b>dossierOverdue</b>: every dossier that enters the unit's open overdue list (as the chase
/// list judges it) starts, all those of one evaluation in one transition; it clears when the dossier
/// leaves the list (finished, or no longer overdue). Dossiers that passed their due time before the
/// rule was set are not announced.</item>
/// <item>A scorecard without data (no dossier in the period, no band, or the indicator without data)
/// changes nothing for the figure kinds; a scorecard older (lower version) than the last one judged is ignored.</item>
/// <item>A new month resets nothing: the state carries over and the new month's first scorecard with
/// data is judged against it like any other change — an alert still true stays firing with no second
/// notice; one no longer true clears with a notice.</item>
/// </list>
/// </remarks>
public static class AlertJudge
{
    /// <param name="overdue">The unit's open overdue dossiers, most urgent first (dossier rules; null = not known, nothing changes).</param>
    public static AlertJudgement Judge(AlertRule rule, AlertState state, Scorecard scorecard, IReadOnlyList<DossierToChase>? overdue = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(scorecard);
        if (scorecard.Version > 0 && scorecard.Version < state.LastVersion)
        {
            return new AlertJudgement(state, [], false);
        }

        var seen = state with { LastVersion = Math.Max(state.LastVersion, scorecard.Version) };
        var judgement = rule.Kind switch
        {
            AlertKind.BandDrop => BandDrop(rule, seen, scorecard),
            AlertKind.OnTimeBelow => Threshold(rule, seen, scorecard, OnTimeRatio(scorecard), v => v < rule.Threshold),
            AlertKind.OverdueAbove => Threshold(rule, seen, scorecard, OverdueCount(scorecard), v => v > rule.Threshold),
            AlertKind.DossierOverdue => DossierOverdue(rule, seen, scorecard, overdue),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, null),
        };
        return judgement with { Changed = !judgement.State.SameStoredAs(state) };
    }

    /// <summary>ON_TIME_PROCESSING's ratio in percent as the scorecard shows it; null without data.</summary>
    public static decimal? OnTimeRatio(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        if (scorecard.NoDossiers)
        {
            return null;
        }

        var indicator = scorecard.Groups.SelectMany(g => g.Indicators).FirstOrDefault(i => i.Code == IndicatorCode.ON_TIME_PROCESSING);
        return indicator is { NoData: false } ? indicator.Ratio : null;
    }

    /// <summary>The open overdue dossiers the scorecard counts; null without data.</summary>
    public static decimal? OverdueCount(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return scorecard.NoDossiers ? null : scorecard.Counts.InProgressOverdue;
    }

    /// <summary>Where a band stands, 0 for the best; null for no band.</summary>
    public static int? RankOf(string? band) => Band.FromVietnamese(band) is { } b ? IndexOf(b) : null;

    private static int IndexOf(Band band)
    {
        for (var i = 0; i < Band.All.Count; i++)
        {
            if (Band.All[i] == band)
            {
                return i;
            }
        }

        return -1;
    }

    private static AlertJudgement BandDrop(AlertRule rule, AlertState state, Scorecard scorecard)
    {
        if (scorecard.NoDossiers || RankOf(scorecard.Band) is not { } rank)
        {
            return new AlertJudgement(state, [], false);
        }

        var band = scorecard.Band!;
        var next = state with { LastBand = band };
        if (!state.Firing && RankOf(state.LastBand) is { } before && rank > before)
        {
            var started = new AlertTransition(rule, scorecard.UnitCode, true, scorecard.EvaluatedAt, scorecard.Period, state.LastBand, band, scorecard.Total);
            return new AlertJudgement(next with { Firing = true, Since = scorecard.EvaluatedAt, FromBand = state.LastBand }, [started], true);
        }

        if (state.Firing && (RankOf(state.FromBand) is not { } from || rank <= from))
        {
            var cleared = new AlertTransition(rule, scorecard.UnitCode, false, scorecard.EvaluatedAt, scorecard.Period, state.FromBand, band, scorecard.Total);
            return new AlertJudgement(next with { Firing = false, Since = null, FromBand = null }, [cleared], true);
        }

        return new AlertJudgement(next, [], false);
    }

    private static AlertJudgement Threshold(AlertRule rule, AlertState state, Scorecard scorecard, decimal? value, Func<decimal, bool> holds)
    {
        if (value is not { } v || rule.Threshold is null)
        {
            return new AlertJudgement(state, [], false);
        }

        var now = holds(v);
        if (now == state.Firing)
        {
            return new AlertJudgement(state, [], false);
        }

        var transition = new AlertTransition(rule, scorecard.UnitCode, now, scorecard.EvaluatedAt, scorecard.Period, Value: v);
        return new AlertJudgement(state with { Firing = now, Since = now ? scorecard.EvaluatedAt : null }, [transition], true);
    }

    private static AlertJudgement DossierOverdue(AlertRule rule, AlertState state, Scorecard scorecard, IReadOnlyList<DossierToChase>? overdue)
    {
        if (overdue is null)
        {
            return new AlertJudgement(state, [], false);
        }

        var current = new HashSet<string>(overdue.Select(d => d.DossierId), StringComparer.Ordinal);
        var cleared = state.Dossiers.Keys.Where(id => !current.Contains(id)).ToList();
        var started = overdue
            .Where(d => !state.Dossiers.ContainsKey(d.DossierId) && (d.OverdueSince is not { } since || since >= rule.CreatedAt))
            .DistinctBy(d => d.DossierId)
            .ToList();
        if (cleared.Count == 0 && started.Count == 0)
        {
            return new AlertJudgement(state, [], false);
        }

        var dossiers = state.Dossiers.RemoveRange(cleared)
            .AddRange(started.Select(d => KeyValuePair.Create(d.DossierId, d.OverdueSince ?? scorecard.EvaluatedAt)));
        var transitions = new List<AlertTransition>(2);
        if (cleared.Count > 0)
        {
            transitions.Add(new AlertTransition(rule, scorecard.UnitCode, false, scorecard.EvaluatedAt, scorecard.Period, Dossiers: cleared, StillOverdue: current.Count));
        }

        if (started.Count > 0)
        {
            transitions.Add(new AlertTransition(
                rule, scorecard.UnitCode, true, scorecard.EvaluatedAt, scorecard.Period, Dossiers: started.Select(d => d.DossierId).ToList(), StillOverdue: current.Count));
        }

        return new AlertJudgement(state with { Dossiers = dossiers }, transitions, true);
    }
}
