using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>The published figures of indicators-766.md §4, reproduced to the cent through POST /api/v1/score.</summary>
public sealed class ScoreApiTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task A_provinces_published_year_is_reproduced_to_the_cent()
    {
        var body = new
        {
            indicators = new object[]
            {
                Item("PUBLISH_ON_TIME", 0, 89), Item("PUBLIC_UPDATE_ON_TIME", 0, 70), Item("PUBLIC_CONTENT_FULL", 87, 89),
                Item("DOSSIER_SYNC", 475_053, 475_053),
                Item("ON_TIME_PROCESSING", 528_684, 597_918),
                Item("ONLINE_PROCEDURES", 52, 89), Item("ONLINE_SERVICES_WITH_DOSSIERS", 516, 1884), Item("ONLINE_SUBMISSION", 589_496, 597_894),
                Item("DOSSIER_SATISFACTION", 528_464, 597_918), Item("PETITION_ON_TIME", 296, 570), Item("PETITION_SATISFACTION", 230, 570),
            },
        };

        var response = await Post(body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Group(json, "PUBLICITY").GetProperty("score").GetDecimal().Should().Be(7.96m);
        Group(json, "PROGRESS").GetProperty("score").GetDecimal().Should().Be(17.68m);
        Group(json, "ONLINE").GetProperty("score").GetDecimal().Should().Be(8.56m);
        Group(json, "SATISFACTION").GetProperty("score").GetDecimal().Should().Be(11.43m);
        var onTime = Indicator(json, "ON_TIME_PROCESSING");
        onTime.GetProperty("ratio").GetDecimal().Should().Be(88.42m);
        onTime.GetProperty("points").GetDecimal().Should().Be(17.68m);
        Indicator(json, "DOSSIER_SATISFACTION").GetProperty("points").GetDecimal().Should().Be(5.89m);
        Indicator(json, "PETITION_ON_TIME").GetProperty("points").GetDecimal().Should().Be(3.12m);
        Indicator(json, "PETITION_SATISFACTION").GetProperty("points").GetDecimal().Should().Be(2.42m);
        json.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).Should().Contain("DOSSIERS_PAID_ONLINE").And.NotContain("ON_TIME_PROCESSING");
    }

    [Theory]
    [InlineData(156, 161, 96.89, 19.38)]
    [InlineData(1689, 1840, 91.79, 18.36)]
    [InlineData(3, 5, 60.00, 12.00)]
    public async Task The_provinces_departments_on_time_figures_are_reproduced(int numerator, int denominator, decimal ratio, decimal points)
    {
        var json = await (await Post(new { indicators = new[] { Item("ON_TIME_PROCESSING", numerator, denominator) } })).Content.ReadFromJsonAsync<JsonElement>();

        Indicator(json, "ON_TIME_PROCESSING").GetProperty("ratio").GetDecimal().Should().Be(ratio);
        Indicator(json, "ON_TIME_PROCESSING").GetProperty("points").GetDecimal().Should().Be(points);
    }

    [Fact]
    public async Task No_data_is_told_apart_from_zero_and_petitions_without_data_score_full()
    {
        var json = await (await Post(new
        {
            indicators = new object[]
            {
                new { code = "PETITION_ON_TIME", numerator = (decimal?)null, denominator = (decimal?)null },
                Item("DOSSIERS_PAID_ONLINE", 0, 0),
            },
        })).Content.ReadFromJsonAsync<JsonElement>();

        Indicator(json, "PETITION_ON_TIME").GetProperty("points").GetDecimal().Should().Be(6m);
        Indicator(json, "PETITION_ON_TIME").GetProperty("noData").GetBoolean().Should().BeTrue();
        Indicator(json, "DOSSIERS_PAID_ONLINE").GetProperty("points").GetDecimal().Should().Be(0m);
        Indicator(json, "DOSSIERS_PAID_ONLINE").GetProperty("noData").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task An_unknown_indicator_code_is_refused_with_the_list_of_codes()
    {
        var response = await Post(new { indicators = new[] { Item("ON_TIME", 1, 2) } });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("code 'ON_TIME' is not a Decision 766 indicator").And.Contain("ON_TIME_PROCESSING");
    }

    [Fact]
    public async Task A_units_scorecard_has_the_contracts_shape_with_six_groups()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var json = await client.GetFromJsonAsync<JsonElement>("/api/v1/units/26737/indicators");

        json.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("code").GetString())
            .Should().Equal("PUBLICITY", "PROGRESS", "ONLINE", "PAYMENT", "DIGITIZATION", "SATISFACTION");
        json.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("max").GetDecimal()).Should().Be(100m);
        json.GetProperty("band").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("counts").TryGetProperty("inProgressOverdue", out _).Should().BeTrue();
    }

    private static readonly string[] RankedCommunes = ["26506", "26737", "26743"];

    [Fact]
    public async Task Rankings_list_all_168_communes_best_first_with_shared_ranks_for_equal_totals()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        // Three communes receive a dossier this month, so some communes are ranked and the rest (no dossiers) are not.
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var posted = await client.PostAsync(
            new Uri("/api/v1/events", UriKind.Relative),
            Ndjson.Body([.. RankedCommunes.Select(unit => Ndjson.Received(unit, $"ranked-{unit}-{Guid.NewGuid():N}", now))]));
        posted.EnsureSuccessStatusCode();

        var rows = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/rankings?level=commune");
        var departments = await client.GetFromJsonAsync<List<JsonElement>>("/api/v1/rankings?level=department&period=2026-Q3");
        var bad = await client.GetAsync(new Uri("/api/v1/rankings?level=ward", UriKind.Relative));

        rows!.Should().HaveCount(168);
        var ranked = rows!.TakeWhile(r => r.GetProperty("rank").ValueKind == JsonValueKind.Number).ToList();
        var unranked = rows!.Skip(ranked.Count).ToList();
        ranked.Should().HaveCountGreaterThanOrEqualTo(3);
        ranked.Should().OnlyContain(r => r.GetProperty("received").GetInt64() > 0);
        unranked.Should().OnlyContain(r => r.GetProperty("rank").ValueKind == JsonValueKind.Null
            && r.GetProperty("total").ValueKind == JsonValueKind.Null && r.GetProperty("noDossiers").GetBoolean());
        ranked.Select(r => r.GetProperty("total").GetDecimal()).Should().BeInDescendingOrder();
        for (var i = 1; i < ranked.Count; i++)
        {
            var sameTotal = ranked[i].GetProperty("total").GetDecimal() == ranked[i - 1].GetProperty("total").GetDecimal();
            var rank = ranked[i].GetProperty("rank").GetInt32();
            rank.Should().Be(sameTotal ? ranked[i - 1].GetProperty("rank").GetInt32() : i + 1);
        }

        departments!.Should().HaveCount(17);
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private static object Item(string code, decimal numerator, decimal denominator) => new { code, numerator, denominator };

    private async Task<HttpResponseMessage> Post(object body)
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        return await client.PostAsJsonAsync(new Uri("/api/v1/score", UriKind.Relative), body);
    }

    private static JsonElement Group(JsonElement scorecard, string code) =>
        scorecard.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("code").GetString() == code);

    private static JsonElement Indicator(JsonElement scorecard, string code) =>
        scorecard.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("indicators").EnumerateArray())
            .Single(i => i.GetProperty("code").GetString() == code);
}
