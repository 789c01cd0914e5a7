using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Explanations;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Tests.Dossiers;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Explanations;

/// <summary>Issue 15: the named rules an explanation gives, one example each.</summary>
public sealed class IndicatorExplainerTests
{
    private static readonly Period September = Period.Month(2026, 9);
    private static readonly DateTimeOffset EndOfSeptember = September.EvaluationTime(At(12, 1, 0));
    private static readonly ProcedureCatalog NoCatalog = new([]);
    private static readonly bool[] Languages = [false, true];

    private static ExplainedItem Only(IEnumerable<UnitEvent> events, IndicatorCode indicator, DateTimeOffset? at = null)
    {
        var explanation = IndicatorExplainer.Explain(Ledgers.Build(events), NoCatalog, ProcedureLevel.Commune, September, at ?? EndOfSeptember, indicator);
        return explanation.Items.Should().ContainSingle().Subject;
    }

    [Fact]
    public void A_second_supplement_request_makes_the_dossier_late_even_when_finished_before_its_due_date()
    {
        var d = new DossierHistory("twice").Received(At(9, 1, 9), At(9, 20, 17))
            .SupplementRequested(At(9, 2, 9)).SupplementReceived(At(9, 3, 9)).SupplementRequested(At(9, 4, 9)).SupplementReceived(At(9, 5, 9))
            .Completed(At(9, 6, 9));

        var item = Only(d.Events, IndicatorCode.ON_TIME_PROCESSING);

        item.Rule.Should().Be(ExplanationRule.LateAfterSecondSupplementRequest);
        item.InNumerator.Should().BeFalse();
        item.InDenominator.Should().BeTrue();
        Only(d.Events, IndicatorCode.DOSSIER_SATISFACTION).Rule.Should().Be(ExplanationRule.OverdueUnsatisfactory);
    }

    [Fact]
    public void One_request_never_answered_ends_the_dossier_at_the_request()
    {
        var d = new DossierHistory("asked").Received(At(9, 1, 9), At(9, 20, 17)).SupplementRequested(At(9, 3, 9));

        var onTime = Only(d.Events, IndicatorCode.ON_TIME_PROCESSING);
        var days = Only(d.Events, IndicatorCode.AVG_PROCESSING_DAYS);

        onTime.Rule.Should().Be(ExplanationRule.EndedBySupplementRequest);
        onTime.InNumerator.Should().BeTrue();
        onTime.FinishedAt.Should().Be(At(9, 3, 9));
        days.Rule.Should().Be(ExplanationRule.EndedBySupplementRequest);
        days.NumeratorValue.Should().Be(2m);
    }

    [Fact]
    public void The_citizen_s_supplement_time_moves_the_due_date()
    {
        // Due on the 4th; the citizen took three days to answer, so finishing on the 6th is on time.
        var d = new DossierHistory("moved").Received(At(9, 1, 9), At(9, 4, 17))
            .SupplementRequested(At(9, 2, 9)).SupplementReceived(At(9, 5, 9)).Completed(At(9, 6, 9));

        var item = Only(d.Events, IndicatorCode.ON_TIME_PROCESSING);

        item.Rule.Should().Be(ExplanationRule.SupplementTimeAdded);
        item.InNumerator.Should().BeTrue();
        item.DueAt.Should().Be(At(9, 7, 17));
        Only(d.Events, IndicatorCode.AVG_PROCESSING_DAYS).NumeratorValue.Should().Be(2m, "five days less the citizen's three");
    }

    [Fact]
    public void A_fact_dated_after_the_evaluation_time_has_not_happened_yet()
    {
        var d = new DossierHistory("later").Received(At(9, 1, 9), At(9, 10, 17)).Synced(At(9, 8, 9)).Completed(At(9, 12, 9));

        Only(d.Events, IndicatorCode.DOSSIER_SYNC, At(9, 5, 9)).Rule.Should().Be(ExplanationRule.NotSynced);
        Only(d.Events, IndicatorCode.ON_TIME_PROCESSING, At(9, 5, 9)).Rule.Should().Be(ExplanationRule.InProgressOnTime);
        Only(d.Events, IndicatorCode.ON_TIME_PROCESSING, At(9, 11, 9)).Rule.Should().Be(ExplanationRule.InProgressOverdue);
        Only(d.Events, IndicatorCode.ON_TIME_PROCESSING).Rule.Should().Be(ExplanationRule.FinishedLate);
        Only(d.Events, IndicatorCode.DOSSIER_SYNC).Rule.Should().Be(ExplanationRule.Synced);
    }

    [Fact]
    public void Overdue_outranks_a_rating_and_a_complaint_counts_as_unsatisfactory()
    {
        var complaint = new DossierHistory("c").Received(At(9, 1, 9), At(9, 10, 17)).Completed(At(9, 2, 9)).Rated(At(9, 3, 9), Rating.Satisfied, complaint: true);
        var unhappy = new DossierHistory("u").Received(At(9, 1, 9), At(9, 10, 17)).Completed(At(9, 2, 9)).Rated(At(9, 3, 9), Rating.Dissatisfied);

        Only(complaint.Events, IndicatorCode.DOSSIER_SATISFACTION).Rule.Should().Be(ExplanationRule.Complaint);
        Only(unhappy.Events, IndicatorCode.DOSSIER_SATISFACTION).Rule.Should().Be(ExplanationRule.RatedDissatisfied);
        Only(unhappy.Events, IndicatorCode.DOSSIER_SATISFACTION, At(9, 2, 12)).Rule.Should().Be(ExplanationRule.Satisfactory);
    }

    [Fact]
    public void Procedures_with_online_dossiers_count_up_to_the_number_of_online_services()
    {
        // One online service (A, with no online dossier) and online dossiers of B and C: the scorecard
        // counts min(2, 1) = 1, so B (first by code) counts and C is listed uncounted.
        var catalog = new ProcedureCatalog([
            new Procedure { Code = "A", Name = "A", OnlineLevel = OnlineLevel.Full },
            new Procedure { Code = "D", Name = "D", OnlineLevel = OnlineLevel.None },
        ]);
        string[] codes = ["C", "B"];
        var events = codes.SelectMany(code => new DossierHistory($"d{code}").Received(At(9, 1, 9), At(9, 3, 9), channel: Channel.Online).Events
            .Select(e => e with { ProcedureCode = code })).ToList();

        var explanation = IndicatorExplainer.Explain(Ledgers.Build(events), catalog, ProcedureLevel.Commune, September, EndOfSeptember, IndicatorCode.ONLINE_SERVICES_WITH_DOSSIERS);

        explanation.Numerator.Should().Be(1m);
        explanation.Denominator.Should().Be(1m);
        explanation.Items.Select(i => (i.Id, i.InDenominator, i.InNumerator, i.Rule)).Should().Equal(
            ("A", true, false, ExplanationRule.OnlineServiceWithoutOnlineDossiers),
            ("B", false, true, ExplanationRule.OnlineDossiersOfOtherProcedure),
            ("C", false, false, ExplanationRule.OnlineDossiersBeyondOnlineServices));
    }

    [Fact]
    public void No_data_has_no_items()
    {
        var d = new DossierHistory("x").Received(At(9, 1, 9), At(9, 3, 9));
        var ledger = Ledgers.Build(d.Events);

        foreach (var code in new[] { IndicatorCode.ELECTRONIC_CERTIFIED_COPY, IndicatorCode.PUBLISH_ON_TIME, IndicatorCode.ONLINE_PROCEDURES })
        {
            var explanation = IndicatorExplainer.Explain(ledger, NoCatalog, ProcedureLevel.Commune, September, EndOfSeptember, code);
            explanation.Numerator.Should().BeNull();
            explanation.Denominator.Should().BeNull();
            explanation.Items.Should().BeEmpty();
        }
    }

    [Fact]
    public void Every_rule_has_its_own_sentence_in_both_languages()
    {
        var rules = Enum.GetValues<ExplanationRule>();
        foreach (var english in Languages)
        {
            var sentences = rules.Select(r => ExplanationRuleText.Describe(r, english)).ToList();
            sentences.Should().OnlyHaveUniqueItems();
            sentences.Should().NotContain(s => rules.Any(r => r.ToString() == s), "every rule has a written sentence");
        }

        ExplanationRuleText.Describe(ExplanationRule.LateAfterSecondSupplementRequest, english: false).Should().Contain("Yêu cầu bổ sung hồ sơ");
    }
}
