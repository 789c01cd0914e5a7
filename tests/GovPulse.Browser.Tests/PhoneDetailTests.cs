using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GovPulse.Browser.Tests.Fixtures;

namespace GovPulse.Browser.Tests;

/// <summary>
/// The small things a phone shows (issue 12, item 6), at 360×740 in both languages: where search
/// results appear, how a unit stands against the city, that a running period is partial, the
/// update's date, the custom range as dd/mm/yyyy, the group bars' colours, the no-change mark,
/// the header's name and role, and the units of the average processing time.
/// </summary>
public sealed class PhoneDetailTests(DashboardNode fixture) : IClassFixture<DashboardNode>
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task Search_results_appear_right_under_the_search_box_above_the_movers()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Leader, "/#/rankings");
        await Expect(page.GetByTestId("ranking-row").Nth(1)).ToBeVisibleAsync();
        await Expect(page.GetByTestId("movers-up")).ToBeVisibleAsync();

        await page.GetByTestId("ranking-search").FillAsync("tan dinh");

        var row = page.GetByTestId("ranking-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToHaveAttributeAsync("data-unit-code", DashboardNode.Unit);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var search = await BoxAsync(page.GetByTestId("ranking-search"));
        var found = await BoxAsync(row);
        var movers = await BoxAsync(page.Locator(".movers"));
        found.Y.Should().BeGreaterThan(search.Y + search.Height, "the result is below its search box");
        (found.Y - (search.Y + search.Height)).Should().BeLessThan(260, "the result is right under the search box, not screens below");
        movers.Y.Should().BeGreaterThan(found.Y + found.Height, "the movers come after the results while a search is typed");

        await page.GetByTestId("ranking-search").FillAsync("");
        await Expect(page.GetByTestId("ranking-row").Nth(1)).ToBeVisibleAsync();
        (await BoxAsync(page.Locator(".movers"))).Y.Should().BeLessThan((await BoxAsync(page.GetByTestId("ranking-list"))).Y, "without a search the movers come first again");
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task A_unit_against_the_city_reads_above_or_below_not_up_or_down(string language)
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await SignInInAsync(context, fixture.Leader, language, $"/#/units/{DashboardNode.Unit}");
        var line = page.GetByTestId("unit-change-city");
        await Expect(line.Locator(".compare-ref")).ToBeVisibleAsync();
        var culture = language == "vi" ? Vi : En;
        var unitTotal = decimal.Parse(await page.GetByTestId("unit-total").TextContentAsync() ?? "", culture);
        var cityRef = await line.Locator(".compare-ref").TextContentAsync() ?? "";
        var cityTotal = decimal.Parse(Regex.Match(cityRef, @"[\d.,]+(?=\)$)").Value, culture);
        var gap = Math.Abs(unitTotal - cityTotal).ToString("N2", culture);

        var expected = (unitTotal.CompareTo(cityTotal), language) switch
        {
            (> 0, "vi") => $"So với toàn thành phố: ▲ cao hơn {gap} điểm",
            (< 0, "vi") => $"So với toàn thành phố: ▼ thấp hơn {gap} điểm",
            (_, "vi") => "So với toàn thành phố: = bằng",
            (> 0, _) => $"vs city: ▲ {gap} points above",
            (< 0, _) => $"vs city: ▼ {gap} points below",
            _ => "vs city: = level with",
        };
        var text = await line.TextContentAsync() ?? "";
        text.Should().StartWith(expected);
        text.Should().NotContainAny("tăng", "giảm", " up ", " down ");
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task The_running_month_is_marked_partial_in_the_hero_and_the_period_bar_and_an_ended_month_is_not(string language)
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await SignInInAsync(context, fixture.Leader, language, "/#/");
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));
        var running = language == "vi"
            ? $"Tháng {today.Month}/{today.Year} (lũy kế đến {today:dd}/{today:MM})"
            : $"{today.ToString("MMMM yyyy", En)} (to date, {today.Day} {today.ToString("MMM", En)})";

        await Expect(page.GetByTestId("period-label")).ToHaveTextAsync((language == "vi" ? "Kỳ đánh giá: " : "Period: ") + running);
        await Expect(page.GetByTestId("period-month").Locator("option:checked")).ToHaveTextAsync(running);

        var ended = today.AddMonths(-1);
        await page.EvaluateAsync("hash => { location.hash = hash; }", $"#/?period={ended:yyyy-MM}");
        var endedLabel = language == "vi" ? $"Tháng {ended.Month}/{ended.Year}" : ended.ToString("MMMM yyyy", En);
        await Expect(page.GetByTestId("period-label")).ToHaveTextAsync((language == "vi" ? "Kỳ đánh giá: " : "Period: ") + endedLabel);
        await Expect(page.GetByTestId("period-month").Locator("option:checked")).ToHaveTextAsync(endedLabel);
    }

    [Theory]
    [InlineData("vi", "Cập nhật lúc")]
    [InlineData("en", "Updated at")]
    public async Task The_update_mark_adds_the_date_when_it_is_not_today(string language, string words)
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await SignInInAsync(context, fixture.Leader, language, "/#/");
        await Expect(page.GetByTestId("updated-at")).ToHaveTextAsync(new Regex($@"^{words} \d{{2}}:\d{{2}}:\d{{2}}$"));

        var texts = await page.EvaluateAsync<string[]>("""
            async () => {
              const { updatedMark } = await import("/widgets.js");
              const mark = at => { const el = updatedMark(); el.stamp(at); return el.textContent; };
              return [mark(new Date(Date.UTC(2026, 11, 5, 10, 45, 40))), mark(new Date())];
            }
            """);

        texts[0].Should().Be($"{words} 17:45:40, 05/12/2026", "a stamp of another day says its day (Vietnam time)");
        texts[1].Should().MatchRegex($@"^{words} \d{{2}}:\d{{2}}:\d{{2}}$", "today's stamp is the time alone");
    }

    [Theory]
    [InlineData("vi", "en-US", "Từ ngày", "Ngày không hợp lệ")]
    [InlineData("en", "en-US", "From", "Not a valid date")]
    [InlineData("vi", "vi-VN", "Từ ngày", "Ngày không hợp lệ")]
    public async Task The_custom_range_is_typed_as_day_month_year_whatever_the_browsers_language(string language, string browserLocale, string fromLabel, string error)
    {
        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Node.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = Viewport.Phone.Width, Height = Viewport.Phone.Height },
            Locale = browserLocale,
            TimezoneId = "Asia/Ho_Chi_Minh",
        });
        context.SetDefaultTimeout((float)DashboardNode.ScreenTimeout.TotalMilliseconds);
        var page = await SignInInAsync(context, fixture.Leader, language, "/#/");
        await Expect(page.GetByTestId("city-total")).ToBeVisibleAsync();

        await page.GetByTestId("period-kind").SelectOptionAsync("custom");

        var from = page.GetByLabel(fromLabel, new PageGetByLabelOptions { Exact = true });
        await Expect(from).ToBeVisibleAsync();
        await Expect(from).ToHaveAttributeAsync("type", "text");
        await Expect(from).ToHaveAttributeAsync("inputmode", "numeric");
        await Expect(from).ToHaveAttributeAsync("placeholder", "dd/mm/yyyy");
        var monthStart = DashboardNode.RecentInstant(TimeSpan.Zero);
        await Expect(from).ToHaveValueAsync($"01/{monthStart:MM}/{monthStart:yyyy}");
        var url = page.Url;

        await from.FillAsync("31/02/2026");
        await page.GetByTestId("period-to").FillAsync("15/11/2026");
        await page.GetByTestId("period-apply").ClickAsync();

        await Expect(page.GetByTestId("period-error")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("period-error")).ToContainTextAsync(error);
        await Expect(from).ToHaveAttributeAsync("aria-invalid", "true");
        page.Url.Should().Be(url, "a bad date does not change the period");

        await from.FillAsync("01/11/2026");
        await page.GetByTestId("period-apply").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"period=2026-11-01(\.\.|%2E%2E)2026-11-15"));
        await Expect(page.GetByTestId("period-label")).ToContainTextAsync("01/11/2026 – 15/11/2026");
        await Expect(page.GetByTestId("period-from")).ToHaveValueAsync("01/11/2026");
        await Expect(page.GetByTestId("period-to")).ToHaveValueAsync("15/11/2026");
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Each_group_bar_is_coloured_by_its_share_of_the_max_with_the_share_in_words_and_a_legend(string scheme)
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await DashboardNode.SignInAsync(page, fixture.Leader, "/#/");
        await Expect(page.Locator("[data-testid^='group-bar-']")).ToHaveCountAsync(6);
        await Expect(page.GetByTestId("group-legend")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("group-legend")).ToContainTextAsync("Xuất sắc ≥ 90%");

        var bars = await page.EvaluateAsync<BarSeen[]>("""
            () => {
              const rgb = c => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
              const lum = ([r, g, b]) => [r, g, b].map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
              const contrast = (a, b) => { const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
              return [...document.querySelectorAll("[data-testid^='group-bar-']")].map(li => {
                const fill = getComputedStyle(li.querySelector(".g-fill")).backgroundColor;
                const track = getComputedStyle(li.querySelector(".g-bar")).backgroundColor;
                const key = document.querySelector(`[data-testid=group-legend] .g-key[data-band="${li.dataset.band}"] .g-swatch`);
                return { score: li.querySelector(".g-score").textContent, share: li.querySelector(".g-share").textContent, band: li.dataset.band,
                  fill, legend: key ? getComputedStyle(key).backgroundColor : "", contrast: contrast(fill, track) };
              });
            }
            """);

        bars.Should().HaveCount(6);
        foreach (var bar in bars)
        {
            var parts = bar.Score.Split(" / ");
            var share = 100 * decimal.Parse(parts[0], Vi) / decimal.Parse(parts[1], Vi);
            var expected = share >= 90 ? "excellent" : share >= 80 ? "good" : share >= 70 ? "fair" : share >= 50 ? "average" : "weak";
            bar.Band.Should().Be(expected, $"{bar.Score} is {share:0.#}% of its max");
            bar.Share.Should().Be($"{Math.Round(share, MidpointRounding.AwayFromZero):0}% điểm tối đa");
            bar.Fill.Should().Be(bar.Legend, "the legend's swatch for the band has the bar's colour");
            bar.Contrast.Should().BeGreaterThanOrEqualTo(3, $"the {bar.Band} fill stands out from its track in the {scheme} theme");
        }

        bars.Select(b => b.Band).Distinct().Should().HaveCountGreaterThan(1, "groups at different shares of their max differ in colour");
    }

    [Fact]
    public async Task No_change_is_marked_with_a_character_every_font_has()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await DashboardNode.SignInAsync(context, fixture.Leader, "/#/");
        await Expect(page.GetByTestId("city-total")).ToHaveTextAsync(Screens.VietnamesePoints());

        var marks = await page.EvaluateAsync<string[]>("""
            async () => {
              const { delta, standing } = await import("/widgets.js");
              return [delta(0).firstChild.textContent, standing(0).firstChild.textContent, delta(1.5).firstChild.textContent, delta(-1.5).firstChild.textContent];
            }
            """);

        marks.Should().Equal("= ", "= ", "▲ ", "▼ ");
        (await page.EvaluateAsync<bool>("() => document.body.innerText.includes('\\uFF1D')")).Should().BeFalse("no fullwidth equals sign, which phone fonts lack");
    }

    [Theory]
    [InlineData("vi", "Thanh tra – kiểm tra")]
    [InlineData("en", "Auditor")]
    public async Task The_header_says_the_role_once(string language, string auditorRole)
    {
        var auditor = new Person("browser.auditor." + language, "Lê Minh Châu", "browser pass " + Guid.NewGuid().ToString("N")[..16]);
        var leader = new Person("browser.city.leader." + language, "Lãnh đạo Thành phố", "browser pass " + Guid.NewGuid().ToString("N")[..16]);
        await CreateAsync(auditor, "auditor");
        await CreateAsync(leader, "leader");

        await using (var context = await fixture.NewContextAsync(Viewport.Phone))
        {
            var page = await SignInInAsync(context, auditor, language, "/#/");
            await Expect(page.GetByTestId("user")).ToHaveTextAsync($"Lê Minh Châu · {auditorRole}");
        }

        await using (var context = await fixture.NewContextAsync(Viewport.Phone))
        {
            var page = await SignInInAsync(context, leader, "vi", "/#/");
            await Expect(page.GetByTestId("user")).ToHaveTextAsync("Lãnh đạo Thành phố"); // the name already says the role
        }
    }

    [Theory]
    [InlineData("vi", @"^\d+ hồ sơ, tổng \d+ ngày$")]
    [InlineData("en", @"^\d+ dossiers, \d+ days in total$")]
    public async Task The_average_processing_time_says_what_its_two_figures_count(string language, string pattern)
    {
        await using var context = await fixture.NewContextAsync(Viewport.Phone);
        var page = await SignInInAsync(context, fixture.Leader, language, $"/#/units/{DashboardNode.Unit}");

        var counts = page.GetByTestId("indicator-row-AVG_PROCESSING_DAYS").GetByTestId("indicator-counts");

        await Expect(counts).ToHaveTextAsync(new Regex(pattern));
    }

    /// <summary>Signs in with the page in <paramref name="language"/> (the stored choice, as the toggle leaves it).</summary>
    private static async Task<IPage> SignInInAsync(IBrowserContext context, Person person, string language, string path)
    {
        await context.AddInitScriptAsync($"localStorage.setItem('govpulse.lang', '{language}')");
        return await DashboardNode.SignInAsync(context, person, path);
    }

    private async Task CreateAsync(Person person, string role)
    {
        using var admin = fixture.Node.CreateClient(DashboardNode.ApiKey);
        using var response = await admin.PostAsJsonAsync("/api/v1/admin/users",
            new { username = person.Username, displayName = person.DisplayName, role, password = person.Password });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator)
    {
        var box = await locator.BoundingBoxAsync();
        box.Should().NotBeNull();
        return box!;
    }

    /// <summary>One group bar as the page drew it (settable: Playwright fills it from the evaluated object).</summary>
    private sealed class BarSeen
    {
        public string Score { get; set; } = "";

        public string Share { get; set; } = "";

        public string Band { get; set; } = "";

        public string Fill { get; set; } = "";

        public string Legend { get; set; } = "";

        public double Contrast { get; set; }
    }
}
