using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>The built-in directory is one province: its province ranking is the city's one row, pooled as the city's scorecard.</summary>
public sealed class CityProvinceRankingTests(DashboardNodeFixture fixture) : IClassFixture<DashboardNodeFixture>
{
    [Fact]
    public async Task Ho_Chi_Minh_City_alone_makes_the_province_ranking_and_province_79_holds_every_commune()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var provinces = await Get(client, $"/api/v1/rankings?level=province&period={fixture.ThisMonth}");
        var city = await Get(client, $"/api/v1/units/79/indicators?period={fixture.ThisMonth}");
        var communes = await Get(client, $"/api/v1/rankings?level=commune&period={fixture.ThisMonth}");
        var communesOf79 = await Get(client, $"/api/v1/rankings?level=commune&province=79&period={fixture.ThisMonth}");

        var row = provinces.EnumerateArray().Should().ContainSingle().Subject;
        row.GetProperty("unitCode").GetString().Should().Be("79");
        row.GetProperty("rank").GetInt32().Should().Be(1);
        row.GetProperty("received").GetInt64().Should().Be(city.GetProperty("counts").GetProperty("received").GetInt64()).And.Be(2);
        row.GetProperty("total").GetDecimal().Should().Be(city.GetProperty("total").GetDecimal());
        communes.GetArrayLength().Should().Be(168);
        communesOf79.GetRawText().Should().Be(communes.GetRawText());
    }

    private static async Task<JsonElement> Get(HttpClient client, string path) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));
}
