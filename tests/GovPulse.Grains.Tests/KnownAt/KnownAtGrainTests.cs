using System.Collections.Immutable;
using GovPulse.Grains.Tests.Fixtures;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Evaluation;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace GovPulse.Grains.Tests.KnownAt;

/// <summary>
/// Issue 15: figures as known at an instant, on a real cluster over the real embedded ClickHouse.
/// Events stored after the instant never count; with nothing in flight the known-at figures are the
/// live ones; the city pools its units as the city grain does; explanations add up to the figures.
/// </summary>
public sealed class KnownAtGrainTests(KnownAtClusterFixture fixture) : IClassFixture<KnownAtClusterFixture>
{
    private static readonly Period November = Period.Month(2026, 11);

    private IKnownAtGrain KnownAt => fixture.Cluster.Client.GetGrain<IKnownAtGrain>(0);

    [Fact]
    public async Task Events_stored_after_the_instant_never_count_and_later_instants_see_them()
    {
        const string code = "26506";
        var unit = fixture.Cluster.Client.GetGrain<IUnitGrain>(code);
        var t0 = fixture.Time.GetUtcNow();
        await unit.Apply([
            Events.Received(code, "ka-1", t0.AddHours(-3)),
            Events.Received(code, "ka-2", t0.AddHours(-2)),
            Events.Completed(code, "ka-1", t0.AddHours(-1))]);
        var liveAtAsOf = await unit.GetFigures(November);
        var asOf = fixture.Time.GetUtcNow();

        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        // Same month, stored later: one finishes a dossier of the earlier batch, one is dated before asOf.
        await unit.Apply([
            Events.Completed(code, "ka-2", fixture.Time.GetUtcNow()),
            Events.Received(code, "ka-3", t0.AddHours(-4))]);
        var now = fixture.Time.GetUtcNow();
        var liveNow = await unit.GetFigures(November);

        var known = await KnownAt.GetFigures(code, November, asOf);
        var knownNow = await KnownAt.GetFigures(code, November, now);

        known.Position.Should().Be(3);
        known.EvaluatedAt.Should().Be(asOf);
        known.Figures.Inputs.Should().Equal(liveAtAsOf.Inputs);
        known.Figures.Counts.Should().Be(liveAtAsOf.Counts);
        known.Figures.Counts.Received.Should().Be(2);
        knownNow.Position.Should().Be(5);
        knownNow.Figures.Inputs.Should().Equal(liveNow.Inputs);
        knownNow.Figures.Counts.Should().Be(liveNow.Counts);
        knownNow.Figures.Counts.Received.Should().Be(3);
        liveNow.Inputs.Should().NotEqual(liveAtAsOf.Inputs, "the later events changed the live figures");

        // Asked again after still more is stored: the same figures.
        fixture.Time.Advance(TimeSpan.FromMinutes(10));
        await unit.Apply([Events.Received(code, "ka-4", fixture.Time.GetUtcNow())]);
        var again = await KnownAt.GetFigures(code, November, asOf);
        again.Figures.Inputs.Should().Equal(known.Figures.Inputs);
        again.Position.Should().Be(3);
        (await KnownAt.GetFigures(code, November, now)).Figures.Inputs.Should().Equal(liveNow.Inputs);
    }

    [Fact]
    public async Task A_simulated_unit_s_explanations_add_up_to_its_known_at_figures_which_are_the_live_ones()
    {
        const string code = "27139";
        var simulator = new CitySimulator(new TrafficProfile(UnitDirectory.HoChiMinhCity, 15), ProcedureCatalog.Reference, 15, new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.FromHours(7)));
        var events = simulator.Advance(new DateTimeOffset(2026, 11, 6, 0, 0, 0, TimeSpan.FromHours(7))).Where(e => e.UnitCode == code).ToList();
        var unit = fixture.Cluster.Client.GetGrain<IUnitGrain>(code);
        foreach (var batch in events.Chunk(500))
        {
            await unit.Apply(ImmutableArray.Create(batch));
        }

        var live = await unit.GetFigures(November);
        var asOf = fixture.Time.GetUtcNow();
        var known = await KnownAt.GetFigures(code, November, asOf);

        events.Should().Contain(e => e.Type == EventType.DossierReceived);
        known.Figures.Inputs.Should().Equal(live.Inputs);
        known.Figures.Counts.Should().Be(live.Counts);
        foreach (var input in known.Figures.Inputs)
        {
            var explanation = await KnownAt.Explain(code, November, asOf, input.Code);
            explanation.Numerator.Should().Be(input.Numerator, input.Code.ToString());
            explanation.Denominator.Should().Be(input.Denominator, input.Code.ToString());
            if (input.Numerator is { } numerator)
            {
                explanation.Items.Sum(i => i.NumeratorValue).Should().Be(numerator, input.Code.ToString());
                explanation.Items.Count(i => i.InDenominator).Should().Be((int)input.Denominator!.Value, input.Code.ToString());
            }
        }

        await KnownAt.Invoking(k => k.Explain(UnitDirectory.HoChiMinhCityCode, November, asOf, IndicatorCode.ON_TIME_PROCESSING))
            .Should().ThrowAsync<ArgumentException>().WithMessage("*pool its units*");
    }

    [Fact]
    public async Task The_city_s_known_at_figures_pool_its_units_as_the_city_grain_does()
    {
        const string code = "26737";
        var t = fixture.Time.GetUtcNow();
        await fixture.Cluster.Client.GetGrain<IUnitGrain>(code).Apply([Events.Received(code, "kc-1", t.AddHours(-1)), Events.Completed(code, "kc-1", t)]);
        var city = fixture.Cluster.Client.GetGrain<ICityGrain>(UnitDirectory.HoChiMinhCityCode);
        await city.Reconcile();
        var live = await city.GetScorecard(November);

        var known = await KnownAt.GetFigures(UnitDirectory.HoChiMinhCityCode, November, t);

        var bands = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<BandThresholds>();
        var scorecard = UnitEvaluation.Scorecard(UnitDirectory.HoChiMinhCity.City, November.Label, known.EvaluatedAt, known.Figures, bands) with { Version = known.Position };
        known.Figures.Counts.Received.Should().BeGreaterThan(0);
        scorecard.Should().BeEquivalentTo(live);
    }
}
