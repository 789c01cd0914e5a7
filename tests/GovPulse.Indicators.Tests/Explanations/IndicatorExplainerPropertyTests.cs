using CsCheck;
using GovPulse.Indicators.Calendar;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Dossiers;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Explanations;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Tests.Dossiers;
using static GovPulse.Indicators.Tests.Dossiers.DossierHistory;

namespace GovPulse.Indicators.Tests.Explanations;

/// <summary>
/// Issue 15: an explanation lists exactly what the scorecard counted. For random units, catalogues,
/// periods and evaluation times, every indicator's items add up to the figures' numerator and
/// number its denominator, and "no data" is no data in both.
/// </summary>
public sealed class IndicatorExplainerPropertyTests
{
    private static readonly string[] Codes = ["1.000894", "1.001193", "2.000001", "2.000002", "3.000003", "9.999999"];

    [Fact]
    public void Every_indicator_s_items_add_up_to_the_figures_the_scorecard_counts()
    {
        var checkedIndicators = new HashSet<IndicatorCode>();
        var withItems = new HashSet<IndicatorCode>();
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var ledger = Ledgers.Build(Events(random));
            var catalog = Catalog(random);
            var level = (ProcedureLevel)random.Next(3);
            var period = random.Next(4) switch
            {
                0 => Period.Month(2026, 9),
                1 => Period.Quarter(2026, 3),
                2 => new Period(PeriodKind.Range, new DateOnly(2026, 9, 10), new DateOnly(2026, 10, 5)),
                _ => Period.Month(2026, 10),
            };
            var evaluatedAt = period.EvaluationTime(random.Next(3) == 0 ? At(12, 1, 0) : At(9, 1 + random.Next(30), random.Next(24)));
            var figures = UnitEvaluation.Figures(ledger.Tally(period, evaluatedAt), CatalogTally.For(catalog, level, period, WorkingDayCalendar.Vietnam));
            foreach (var input in figures.Inputs)
            {
                var explanation = IndicatorExplainer.Explain(ledger, catalog, level, period, evaluatedAt, input.Code);
                var sum = explanation.Items.Sum(i => i.NumeratorValue);
                var denominator = explanation.Items.Count(i => i.InDenominator);
                if (explanation.Numerator != input.Numerator || explanation.Denominator != input.Denominator
                    || (input.Numerator is { } n && sum != n) || (input.Denominator is { } d && denominator != d)
                    || (input.Numerator is null && explanation.Items.Count != 0))
                {
                    Assert.Fail($"{input.Code} (seed {seed}, {period}, {evaluatedAt:O}, {level}): figures {input.Numerator}/{input.Denominator}, "
                        + $"explanation {explanation.Numerator}/{explanation.Denominator}, items {sum}/{denominator}");
                }

                explanation.Indicator.Should().Be(input.Code);
                if (input.Code != IndicatorCode.AVG_PROCESSING_DAYS && explanation.Items.FirstOrDefault(i => i.InNumerator != (i.NumeratorValue != 0m)) is { } odd)
                {
                    Assert.Fail($"{input.Code}: {odd} is in the numerator but adds nothing, or the other way round");
                }

                // Sample runs seeds on several threads at once.
                lock (checkedIndicators)
                {
                    checkedIndicators.Add(input.Code);
                    if (explanation.Items.Any(i => i.InNumerator))
                    {
                        withItems.Add(input.Code);
                    }
                }
            }
        }, iter: 300);

        checkedIndicators.Should().HaveCount(Enum.GetValues<IndicatorCode>().Length);
        withItems.Should().HaveCount(Enum.GetValues<IndicatorCode>().Length - 1, "every indicator but the certified copies counted something in some run");
    }

    [Fact]
    public void Items_come_in_a_stable_order_dossiers_by_receipt_then_id_procedures_by_code()
    {
        Gen.Int[0, int.MaxValue].Sample(seed =>
        {
            var random = new Random(seed);
            var events = Events(random);
            var catalog = Catalog(random);
            var forward = Ledgers.Build(events);
            var backward = Ledgers.Build(Enumerable.Reverse(events));
            var period = Period.Quarter(2026, 3);
            var at = period.EvaluationTime(At(12, 1, 0));
            foreach (var code in Enum.GetValues<IndicatorCode>())
            {
                var items = IndicatorExplainer.Explain(forward, catalog, ProcedureLevel.Commune, period, at, code).Items;
                IndicatorExplainer.Explain(backward, catalog, ProcedureLevel.Commune, period, at, code).Items.Should().Equal(items, "the order must not depend on delivery");
                var subjects = items.Where(i => i.Subject != ExplainedSubject.Procedure).ToList();
                subjects.Should().BeInAscendingOrder(Comparer<ExplainedItem>.Create((a, b) => a.ReceivedAt!.Value.UtcTicks != b.ReceivedAt!.Value.UtcTicks
                    ? a.ReceivedAt.Value.UtcTicks.CompareTo(b.ReceivedAt.Value.UtcTicks)
                    : string.CompareOrdinal(a.Id, b.Id)));
                if (code is not IndicatorCode.ONLINE_SERVICES_WITH_DOSSIERS)
                {
                    items.Where(i => i.Subject == ExplainedSubject.Procedure).Select(i => i.Id).Should().BeInAscendingOrder(StringComparer.Ordinal);
                }
            }
        }, iter: 40);
    }

    /// <summary>The random September dossiers of the ledger tests, spread over a few procedures and two months, with petitions.</summary>
    internal static List<UnitEvent> Events(Random random)
    {
        var events = new List<UnitEvent>();
        var shift = new Dictionary<string, (string Procedure, TimeSpan Shift, bool CitizenData, bool Paper)>();
        foreach (var e in RandomUnitStream.Of(random))
        {
            var dossier = e.DossierId!;
            if (!shift.TryGetValue(dossier, out var how))
            {
                shift[dossier] = how = (Codes[random.Next(Codes.Length)], TimeSpan.FromDays(random.Next(3) == 0 ? 20 : 0), random.Next(2) == 0, random.Next(3) != 0);
            }

            var moved = e with { OccurredAt = e.OccurredAt + how.Shift };
            events.Add(e.Type == EventType.DossierReceived
                ? moved with { ProcedureCode = how.Procedure, CitizenData = how.CitizenData, PaperResult = how.Paper }
                : moved);
        }

        for (var i = 0; i < 6; i++)
        {
            var received = At(9, 1 + random.Next(29), 8 + random.Next(9));
            var id = $"p{i}";
            events.Add(ConflictingEvents.Petition(id, $"{id}-r", EventType.PetitionReceived, received) with { DueAt = random.Next(5) == 0 ? null : received.AddDays(random.Next(10)) });
            if (random.Next(3) != 0)
            {
                events.Add(ConflictingEvents.Petition(id, $"{id}-s", EventType.PetitionResolved, received.AddDays(random.Next(15))));
            }

            if (random.Next(2) == 0)
            {
                events.Add(ConflictingEvents.Petition(id, $"{id}-v", EventType.PetitionRated, received.AddDays(random.Next(20))) with
                {
                    Satisfied = random.Next(2) == 0,
                    RepeatComplaint = random.Next(4) == 0,
                });
            }
        }

        return events;
    }

    /// <summary>A small catalogue with every fact known, unknown or absent at random.</summary>
    internal static ProcedureCatalog Catalog(Random random)
    {
        DateOnly? Day() => random.Next(4) == 0 ? null : new DateOnly(2026, 8, 1).AddDays(random.Next(90));
        bool? Maybe() => random.Next(3) switch { 0 => null, 1 => true, _ => false };
        var procedures = Codes.Take(5).Where(_ => random.Next(5) != 0).Select(code => new Procedure
        {
            Code = code,
            Name = code,
            Level = (ProcedureLevel)random.Next(3),
            FeeVnd = random.Next(3) * 10_000,
            OnlineLevel = (OnlineLevel)random.Next(4),
            PublicationDecisionDate = Day(),
            LegalBasisEffectiveDate = Day(),
            PublicDate = Day(),
            ContentComplete = Maybe(),
            FeeIntegrated = Maybe(),
            PopulationDataConnected = Maybe(),
        });
        return new ProcedureCatalog(procedures);
    }
}
