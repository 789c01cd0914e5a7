using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// "No data is not a score" through the real node: of the 168 communes only Phường Tân Định
/// received dossiers this month and last, no unit did the month before, and no department ever.
/// </summary>
public sealed class NoDataApiTests(DashboardNodeFixture fixture) : IClassFixture<DashboardNodeFixture>
{
    private const string SaiGon = "26740"; // Phường Sài Gòn: no dossier at all

    [Fact]
    public async Task A_scorecard_says_whether_the_period_received_dossiers_for_a_unit_and_for_the_pooled_city()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var empty = await Get(client, $"/api/v1/units/{SaiGon}/indicators?period={fixture.ThisMonth}");
        var busy = await Get(client, $"/api/v1/units/{DashboardNodeFixture.Unit}/indicators?period={fixture.ThisMonth}");
        var city = await Get(client, $"/api/v1/units/79/indicators?period={fixture.ThisMonth}");
        var emptyCity = await Get(client, $"/api/v1/units/79/indicators?period={MonthBefore(fixture.LastMonth)}");

        empty.GetProperty("noDossiers").GetBoolean().Should().BeTrue();
        empty.GetProperty("total").ValueKind.Should().Be(JsonValueKind.Number, "existing fields keep their type and value");
        busy.GetProperty("noDossiers").GetBoolean().Should().BeFalse();
        city.GetProperty("noDossiers").GetBoolean().Should().BeFalse("the city pools Tân Định's dossiers");
        emptyCity.GetProperty("noDossiers").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task A_scorecard_s_no_data_points_are_the_points_its_no_data_indicators_were_given_and_each_says_its_rule()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        foreach (var code in new[] { SaiGon, DashboardNodeFixture.Unit, "79" })
        {
            var scorecard = await Get(client, $"/api/v1/units/{code}/indicators?period={fixture.ThisMonth}");
            var indicators = scorecard.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("indicators").EnumerateArray()).ToList();

            var noData = indicators.Where(i => i.GetProperty("noData").GetBoolean()).ToList();
            noData.Should().NotBeEmpty();
            scorecard.GetProperty("noDataPoints").GetDecimal().Should().Be(noData.Sum(i => i.GetProperty("points").GetDecimal()), code);
            foreach (var indicator in indicators)
            {
                var rule = indicator.GetProperty("noDataRule");
                var points = indicator.GetProperty("points").GetDecimal();
                var expected = !indicator.GetProperty("noData").GetBoolean() ? null : points > 0 ? "full" : "zero";
                (rule.ValueKind == JsonValueKind.Null ? null : rule.GetString()).Should().Be(expected, indicator.GetProperty("code").GetString());
            }

            // Petitions without data score full marks by the portal's rule.
            indicators.Single(i => i.GetProperty("code").GetString() == "PETITION_ON_TIME").GetProperty("noDataRule").GetString().Should().Be("full");
        }
    }

    [Fact]
    public async Task Units_with_no_dossiers_are_listed_after_every_ranked_unit_with_no_rank_and_ranked_rows_keep_their_shape()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var rows = (await Get(client, $"/api/v1/rankings?level=commune&period={fixture.ThisMonth}")).EnumerateArray().ToList();

        rows.Should().HaveCount(168);
        var ranked = rows[0];
        ranked.GetProperty("unitCode").GetString().Should().Be(DashboardNodeFixture.Unit);
        ranked.GetProperty("rank").GetInt32().Should().Be(1);
        ranked.EnumerateObject().Select(p => p.Name).Should().Equal("rank", "unitCode", "name", "total", "band", "groups", "received");
        ranked.GetProperty("groups").EnumerateObject().Should().HaveCount(6);

        var unranked = rows.Skip(1).ToList();
        foreach (var row in unranked)
        {
            row.GetProperty("rank").ValueKind.Should().Be(JsonValueKind.Null);
            row.GetProperty("noDossiers").GetBoolean().Should().BeTrue();
            row.GetProperty("total").ValueKind.Should().Be(JsonValueKind.Null);
            row.GetProperty("band").ValueKind.Should().Be(JsonValueKind.Null);
            row.GetProperty("groups").EnumerateObject().Should().BeEmpty();
            row.GetProperty("received").GetInt64().Should().Be(0);
        }

        unranked.Select(r => r.GetProperty("unitCode").GetString()).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_month_with_no_dossiers_anywhere_ranks_nobody()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var rows = (await Get(client, $"/api/v1/rankings?level=commune&period={MonthBefore(fixture.LastMonth)}")).EnumerateArray().ToList();

        rows.Should().HaveCount(168).And.OnlyContain(r => r.GetProperty("rank").ValueKind == JsonValueKind.Null && r.GetProperty("noDossiers").GetBoolean());
    }

    [Fact]
    public async Task Movers_list_unranked_units_after_the_ranked_ones_and_never_as_risers_or_fallers()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var json = await Get(client, "/api/v1/rankings/movers?level=commune&count=50");
        var departments = await Get(client, $"/api/v1/rankings/movers?level=department&period={fixture.ThisMonth}&count=50");

        var units = json.GetProperty("units").EnumerateArray().ToList();
        units[0].GetProperty("rank").GetInt32().Should().Be(1);
        units[0].TryGetProperty("noDossiers", out _).Should().BeFalse("ranked rows keep their shape");
        units.Skip(1).Should().OnlyContain(u => u.GetProperty("rank").ValueKind == JsonValueKind.Null
            && u.GetProperty("noDossiers").GetBoolean()
            && u.GetProperty("total").ValueKind == JsonValueKind.Null
            && u.GetProperty("change").ValueKind == JsonValueKind.Null);
        var movers = json.GetProperty("risers").EnumerateArray().Concat(json.GetProperty("fallers").EnumerateArray())
            .Select(r => r.GetProperty("unitCode").GetString()).ToList();
        movers.Should().BeSubsetOf([DashboardNodeFixture.Unit]);

        departments.GetProperty("units").EnumerateArray().Should().HaveCount(17)
            .And.OnlyContain(u => u.GetProperty("rank").ValueKind == JsonValueKind.Null);
        departments.GetProperty("risers").GetArrayLength().Should().Be(0);
        departments.GetProperty("fallers").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Trend_months_say_whether_they_received_dossiers()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var months = (await Get(client, $"/api/v1/units/{DashboardNodeFixture.Unit}/trend?months=3")).EnumerateArray().ToList();

        months.Select(m => m.GetProperty("noDossiers").GetBoolean()).Should().Equal(true, false, false);
        months[^1].GetProperty("noDataPoints").GetDecimal().Should().BeGreaterThan(0m, "petitions without data score full marks");
    }

    private static string MonthBefore(string month)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddMonths(-1);
        return first.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<JsonElement> Get(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
