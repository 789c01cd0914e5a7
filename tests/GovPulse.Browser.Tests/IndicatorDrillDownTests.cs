using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GovPulse.Browser.Tests.Fixtures;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>
/// Every number explained (issue 15, items 3 and 8) on a 360×740 phone: the unit page links each
/// indicator's numerator / denominator to its dossiers for those who may read them; the screen shows
/// the figures the API gives as known at its asOf, 50 items and "Xem thêm" for the rest, and files of
/// the whole list at the same asOf; a department head opening another unit's reads why not.
/// Most of these need the explained-numbers API of issue 15 (GET /api/v1/units/{code}/indicators/{indicator}/dossiers).
/// </summary>
public sealed class IndicatorDrillDownTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    /// <summary>A commune given more received dossiers than one page of the list holds.</summary>
    private const string BusyUnit = "26740";

    private const string Indicator = "ON_TIME_PROCESSING";

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The first page's figures with every page's items, following <c>next</c> as any client would.</summary>
    private const string WholeList = """
        async url => {
          const read = async u => (await fetch(u, { credentials: 'same-origin', headers: { Accept: 'application/json' } })).json();
          const first = await read(url);
          const dossiers = [...first.dossiers];
          for (let next = first.next; next; ) {
            const page = await read(url + '&cursor=' + encodeURIComponent(next));
            dossiers.push(...page.dossiers);
            next = page.next;
          }
          return { numerator: first.numerator, denominator: first.denominator, dossiers };
        }
        """;

    /// <summary>Per node: 60 more dossiers received by <see cref="BusyUnit"/> this month, posted once.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<DashboardNode, Lazy<Task>> Seeded = [];

    [Fact]
    public async Task Each_indicators_figures_link_to_its_dossiers_for_a_leader_and_a_department_head_on_their_own_unit_only()
    {
        await using var leaderContext = await fixture.NewContextAsync(Viewport.Phone);
        var leader = await DashboardNode.SignInAsync(leaderContext, fixture.Leader, $"/#/units/{DashboardNode.OtherUnit}");
        var link = leader.GetByTestId($"indicator-row-{Indicator}").GetByTestId("indicator-explain");
        await Expect(link).ToHaveAttributeAsync("href", $"#/units/{DashboardNode.OtherUnit}/indicators/{Indicator}");
        await Expect(link).ToHaveTextAsync(new Regex(@"^\d+ / \d+$"));

        // The city pools its units: its figures are opened one unit at a time.
        await leader.EvaluateAsync("hash => { location.hash = hash; }", "#/units/79");
        await Expect(leader.GetByTestId("unit-name")).ToHaveTextAsync("Thành phố Hồ Chí Minh (TP.HCM)");
        await Expect(leader.GetByTestId($"indicator-row-{Indicator}")).ToBeVisibleAsync();
        await Expect(leader.GetByTestId("indicator-explain")).ToHaveCountAsync(0);

        await using var headContext = await fixture.NewContextAsync(Viewport.Phone);
        var head = await DashboardNode.SignInAsync(headContext, fixture.Head);
        await Expect(head.GetByTestId($"indicator-row-{Indicator}").GetByTestId("indicator-explain")).ToBeVisibleAsync();
        await head.EvaluateAsync("hash => { location.hash = hash; }", $"#/units/{DashboardNode.OtherUnit}");
        await Expect(head.GetByTestId("unit-name")).ToHaveTextAsync("Sở Tư pháp");
        await Expect(head.GetByTestId($"indicator-row-{Indicator}")).ToBeVisibleAsync();
        await Expect(head.GetByTestId("indicator-explain")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_drill_down_shows_the_numerator_and_denominator_the_API_gives_and_loads_the_rest_with_Xem_them()
    {
        await SeedAsync();
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Leader, $"/#/units/{BusyUnit}");
        var link = page.GetByTestId($"indicator-row-{Indicator}").GetByTestId("indicator-explain");
        await Expect(link).ToBeVisibleAsync();
        var onUnitPage = await link.TextContentAsync();

        await link.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"#/units/{BusyUnit}/indicators/{Indicator}$"));
        await Expect(page.GetByTestId("explain-title")).ToHaveTextAsync("Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn");
        await Expect(page.GetByTestId("explain-row")).ToHaveCountAsync(50);
        var asOf = await page.GetByTestId("explain-as-of").GetAttributeAsync("data-as-of");
        asOf.Should().NotBeNullOrEmpty();

        // The API as the page's own session reads it, at the screen's asOf: the same figures.
        var month = DashboardNode.RecentInstant(TimeSpan.Zero).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var api = await page.EvaluateAsync<JsonElement>(WholeList, $"/api/v1/units/{BusyUnit}/indicators/{Indicator}/dossiers?period={month}&asOf={Uri.EscapeDataString(asOf!)}&limit=50");
        var numerator = api.GetProperty("numerator").GetDecimal();
        var denominator = api.GetProperty("denominator").GetDecimal();
        var items = api.GetProperty("dossiers").EnumerateArray().ToList();
        denominator.Should().BeGreaterThan(50, "the seeded unit has more than one page of dossiers");
        await Expect(page.GetByTestId("explain-numerator")).ToHaveTextAsync(numerator.ToString("#,##0.##", Vi));
        await Expect(page.GetByTestId("explain-denominator")).ToHaveTextAsync(denominator.ToString("#,##0.##", Vi));
        onUnitPage.Should().Be($"{numerator.ToString("#,##0", Vi)} / {denominator.ToString("#,##0", Vi)}", "the unit page and the explanation give the same figures");
        await Expect(page.GetByTestId("explain-as-of")).ToHaveTextAsync(new Regex(@"^Số liệu tại thời điểm \d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}$"));
        await Expect(page.GetByTestId("explain-download-csv")).ToHaveAttributeAsync("href",
            $"/api/v1/units/{BusyUnit}/indicators/{Indicator}/dossiers?asOf={Uri.EscapeDataString(asOf!)}&format=csv&lang=vi&period={month}");
        await Expect(page.GetByTestId("explain-download-xlsx")).ToHaveAttributeAsync("download", "");

        var first = page.GetByTestId("explain-row").First;
        await Expect(first.GetByTestId("explain-rule")).Not.ToBeEmptyAsync();
        await Expect(first.GetByTestId("explain-dates")).ToContainTextAsync(new Regex(@"Tiếp nhận \d{2}/\d{2}/\d{4} \d{2}:\d{2}"));

        await page.GetByTestId("explain-more").ClickAsync();

        await Expect(page.GetByTestId("explain-row")).ToHaveCountAsync(items.Count);
        await Expect(page.GetByTestId("explain-more")).ToBeHiddenAsync();
        (await page.Locator("[data-testid=explain-row][data-in-denominator=true]").CountAsync()).Should().Be((int)denominator);
        (await page.Locator("[data-testid=explain-row][data-in-numerator=true]").CountAsync()).Should().Be((int)numerator);
        var shownIds = await page.GetByTestId("explain-row").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.dossierId)");
        shownIds.Should().Equal(items.Select(i => i.GetProperty("dossierId").GetString()), "the pages follow one another in the API's order, none twice");
    }

    [Fact]
    public async Task A_department_head_opening_another_units_indicator_reads_that_it_is_not_theirs()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Head);
        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(DashboardNode.UnitName);

        await page.EvaluateAsync("hash => { location.hash = hash; }", $"#/units/{DashboardNode.OtherUnit}/indicators/{Indicator}");

        await Expect(page.GetByTestId("explain-forbidden")).ToHaveTextAsync("Bạn không được xem hồ sơ của đơn vị này: thủ trưởng đơn vị chỉ xem hồ sơ của đơn vị mình.");
        await Expect(page.GetByTestId("explain-title")).ToHaveTextAsync("Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn");
        await Expect(page.GetByTestId("explain-back")).ToHaveAttributeAsync("href", $"#/units/{DashboardNode.OtherUnit}");
        await Expect(page.GetByTestId("explain-row")).ToHaveCountAsync(0);
    }

    private Task SeedAsync() => Seeded.GetValue(fixture, node => new Lazy<Task>(() => PostBusyUnitAsync(node))).Value;

    private static async Task PostBusyUnitAsync(DashboardNode node)
    {
        var at = DashboardNode.RecentInstant(TimeSpan.FromMinutes(20));
        var lines = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var dossier = node.NextDossier();
            lines.Add(Ndjson.Received(BusyUnit, dossier, at));
            if (i % 3 == 0)
            {
                lines.Add(Ndjson.Completed(BusyUnit, dossier, at.AddMinutes(5)));
            }
        }

        await node.PostAsync([.. lines]);
    }
}
