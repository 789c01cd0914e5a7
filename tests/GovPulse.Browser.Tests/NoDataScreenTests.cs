using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovPulse.Browser.Tests.Fixtures;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>
/// No data is not a score (issue 12, items 3 and 4), on a 360×740 phone in both languages: a month
/// without dossiers shows no total, band, group scores or rank; unranked units are listed apart and
/// never among the lowest; no-data indicators say which rule scored them and the total says how many
/// points rest on them.
/// </summary>
public sealed class NoDataScreenTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Units the fixture posts dossiers to this month: the only ranked ones.</summary>
    private static readonly string[] RankedCommunes = [DashboardNode.Unit, "26740"];

    /// <summary>A month long past: the fresh node received nothing in it, nor in the 12 months before.</summary>
    private static string EmptyMonth() => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddMonths(-14).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("vi", "Chưa có hồ sơ trong kỳ", "Chưa có đơn vị nào được xếp hạng trong kỳ.", "chưa có số liệu để so sánh")]
    [InlineData("en", "No dossiers in this period", "No unit is ranked in this period.", "nothing to compare with yet")]
    public async Task A_period_without_dossiers_shows_no_score_band_group_scores_or_rank(string language, string noDossiers, string noneRanked, string nothingToCompare)
    {
        var month = EmptyMonth();
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await SignInInAsync(context, fixture.Leader, language, $"/#/?period={month}");

        await Expect(page.GetByTestId("city-total")).ToHaveTextAsync(noDossiers);
        await Expect(page.GetByTestId("city-band")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("city-card").Locator(".score .max")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("city-nodata-points")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("groups-empty")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("group-bar-PUBLICITY")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("change-previous")).ToContainTextAsync(nothingToCompare);
        await Expect(page.GetByTestId("behind-lowest")).ToHaveTextAsync(noneRanked);
        await Expect(page.GetByTestId("chart-trend-empty")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("chart-trend")).ToHaveCountAsync(0);

        await page.EvaluateAsync("hash => { location.hash = hash; }", $"#/units/{DashboardNode.Unit}?period={month}");
        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(DashboardNode.UnitName);
        await Expect(page.GetByTestId("unit-total")).ToHaveTextAsync(noDossiers);
        await Expect(page.GetByTestId("unit-band")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("groups-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid^='unit-group-']")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("unit-change-city")).ToContainTextAsync(nothingToCompare);
        await Expect(page.GetByTestId("unit-change-previous")).ToContainTextAsync(nothingToCompare);

        await page.EvaluateAsync("hash => { location.hash = hash; }", $"#/rankings?period={month}");
        var unranked = page.GetByTestId("unranked");
        await Expect(unranked.Locator("h2")).ToHaveTextAsync(new Regex($@"^{Regex.Escape(noDossiers)} \(168 (đơn vị|units)\)$"));
        await Expect(page.GetByTestId("unranked-row")).ToHaveCountAsync(168);
        await Expect(page.GetByTestId("ranking-row")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("ranking-table")).ToBeHiddenAsync();
        await Expect(unranked.Locator(".rank, .band, .total")).ToHaveCountAsync(0);

        await page.GetByTestId("ranking-search").FillAsync("tan dinh");
        await Expect(page.GetByTestId("unranked-row")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("unranked-row")).ToHaveAttributeAsync("data-unit-code", DashboardNode.Unit);
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task In_a_month_with_dossiers_the_unranked_units_come_after_the_ranked_and_never_among_the_lowest(string language)
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await SignInInAsync(context, fixture.Leader, language, "/#/");

        var lowest = page.GetByTestId("behind-lowest").Locator("a");
        await Expect(lowest).ToHaveCountAsync(RankedCommunes.Length);
        (await lowest.EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.unitCode)")).Should().BeEquivalentTo(RankedCommunes);
        await Expect(page.GetByTestId("behind-lowest").Locator(".rank")).ToHaveTextAsync(new[] { new Regex(@"^#\d+$"), new Regex(@"^#\d+$") });

        await page.GetByTestId("nav-rankings").ClickAsync();
        var rows = page.GetByTestId("ranking-row");
        await Expect(rows).ToHaveCountAsync(RankedCommunes.Length);
        await Expect(page.GetByTestId("unranked-row")).ToHaveCountAsync(168 - RankedCommunes.Length);
        var words = language == "vi" ? "Chưa có hồ sơ trong kỳ (166 đơn vị)" : "No dossiers in this period (166 units)";
        await Expect(page.GetByTestId("unranked").Locator("h2")).ToHaveTextAsync(words);
        // Measured in one turn of the page's script: a live update may re-render the lists between two reads.
        var below = await page.EvaluateAsync<bool>(
            "() => document.querySelector('[data-testid=unranked-row]').getBoundingClientRect().top >= document.querySelector('[data-testid=ranking-table]').getBoundingClientRect().bottom");
        below.Should().BeTrue("the unranked come after every ranked unit");

        // Sorting by total, either way, keeps them out of the ranked places.
        await page.GetByTestId("sort-total").ClickAsync();
        await page.GetByTestId("sort-total").ClickAsync();
        await Expect(rows).ToHaveCountAsync(RankedCommunes.Length);
        (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.unitCode)")).Should().BeEquivalentTo(RankedCommunes);

        // A band has no unit without dossiers in it.
        var band = await rows.First.GetAttributeAsync("data-band");
        await page.GetByTestId("ranking-band-filter").SelectOptionAsync(band!);
        await Expect(page.GetByTestId("unranked")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("unranked-row")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task Each_no_data_indicator_says_its_rule_and_the_total_says_the_points_resting_on_missing_data(string language)
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await SignInInAsync(context, fixture.Leader, language, $"/#/units/{DashboardNode.Unit}");
        await Expect(page.GetByTestId("unit-total")).ToHaveTextAsync(language == "vi" ? Screens.VietnamesePoints() : Screens.EnglishPoints());
        var culture = language == "vi" ? Vi : En;

        using var card = JsonDocument.Parse(await page.EvaluateAsync<string>(
            "code => fetch(`/api/v1/units/${code}/indicators`).then(r => r.text())", DashboardNode.Unit));
        var root = card.RootElement;
        var resting = root.GetProperty("noDataPoints").GetDecimal();
        resting.Should().BeGreaterThan(0, "a commune with a few dossiers has indicators scored by the none-is-full rule (no complaint, no survey)");
        var restingWords = language == "vi"
            ? $"{resting.ToString("N2", culture)} điểm dựa trên chỉ số chưa có số liệu"
            : $"{resting.ToString("N2", culture)} points rest on indicators without data";
        await Expect(page.GetByTestId("unit-nodata-points")).ToHaveTextAsync(restingWords);

        var (zero, full) = language == "vi"
            ? ("Chưa có số liệu — tính 0 điểm", "Chưa có số liệu — tính đủ điểm theo quy định")
            : ("No data — scored 0", "No data — full points by the rule");
        var labelled = 0;
        foreach (var group in root.GetProperty("groups").EnumerateArray())
        {
            var zeroScored = 0;
            foreach (var indicator in group.GetProperty("indicators").EnumerateArray())
            {
                if (!indicator.GetProperty("noData").GetBoolean())
                {
                    continue;
                }

                var rule = indicator.GetProperty("noDataRule").GetString();
                zeroScored += rule == "zero" ? 1 : 0;
                labelled++;
                var counts = page.GetByTestId($"indicator-row-{indicator.GetProperty("code").GetString()}").GetByTestId("indicator-counts");
                await Expect(counts).ToHaveTextAsync(rule == "zero" ? zero : full);
            }

            var note = page.GetByTestId($"unit-group-{group.GetProperty("code").GetString()}").GetByTestId("group-nodata");
            if (zeroScored > 0)
            {
                await Expect(note).ToHaveTextAsync(language == "vi" ? $"{zeroScored} chỉ số chưa có số liệu (0 điểm)" : $"{zeroScored} indicators without data (0 points)");
            }
            else
            {
                await Expect(note).ToHaveCountAsync(0);
            }
        }

        labelled.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task The_overviews_group_bars_say_when_zero_scored_missing_data_holds_a_group_down()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await SignInInAsync(context, fixture.Leader, "vi", "/#/");
        await Expect(page.GetByTestId("city-total")).ToHaveTextAsync(Screens.VietnamesePoints());

        using var card = JsonDocument.Parse(await page.EvaluateAsync<string>("() => fetch('/api/v1/units/79/indicators').then(r => r.text())"));
        var root = card.RootElement;
        var resting = root.GetProperty("noDataPoints").GetDecimal();
        var line = page.GetByTestId("city-nodata-points");
        if (resting > 0)
        {
            await Expect(line).ToHaveTextAsync($"{resting.ToString("N2", Vi)} điểm dựa trên chỉ số chưa có số liệu");
        }
        else
        {
            await Expect(line).ToBeHiddenAsync();
        }

        foreach (var group in root.GetProperty("groups").EnumerateArray())
        {
            var zeroScored = group.GetProperty("indicators").EnumerateArray().Count(i => i.GetProperty("noDataRule").ValueKind == JsonValueKind.String && i.GetProperty("noDataRule").GetString() == "zero");
            var note = page.GetByTestId($"group-bar-{group.GetProperty("code").GetString()}").GetByTestId("group-nodata");
            if (zeroScored > 0)
            {
                await Expect(note).ToHaveTextAsync($"{zeroScored} chỉ số chưa có số liệu (0 điểm)");
            }
            else
            {
                await Expect(note).ToHaveCountAsync(0);
            }
        }
    }

    /// <summary>Signs in with the page in <paramref name="language"/> (the stored choice, as the toggle leaves it).</summary>
    private static async Task<IPage> SignInInAsync(IBrowserContext context, Person person, string language, string path)
    {
        await context.AddInitScriptAsync($"localStorage.setItem('govpulse.lang', '{language}')");
        return await DashboardNode.SignInAsync(context, person, path);
    }
}
