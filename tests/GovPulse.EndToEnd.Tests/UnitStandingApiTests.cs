using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// <c>GET /units/{code}/comparison</c>'s <c>standing</c>: the unit's rank, how many are ranked, their
/// average and the city's total — the same rank <c>GET /rankings</c> gives the unit, as a department
/// head of another unit reads it.
/// </summary>
[Collection(SecuredNode.Name)]
public sealed class UnitStandingApiTests(SecuredNodeFixture fixture)
{
    /// <summary>Departments given dossiers here: (unit, received, completed).</summary>
    private static readonly (string Unit, int Received, int Completed)[] Departments =
    [
        ("so-tu-phap", 3, 3),
        ("so-y-te", 4, 2),
        ("so-noi-vu", 2, 1),
    ];

    [Fact]
    public async Task A_units_standing_is_its_row_in_the_rankings_with_the_ranked_units_average_and_the_city_total()
    {
        await SeedAsync();
        var head = await fixture.SessionOf("e2e.head.own");

        var ranking = (await Get(head.Client, "/api/v1/rankings?level=department")).EnumerateArray().ToList();
        var ranked = ranking.Where(IsRanked).ToList();
        ranked.Should().HaveCountGreaterThanOrEqualTo(Departments.Length);
        foreach (var (unit, _, _) in Departments)
        {
            var comparison = await Get(head.Client, $"/api/v1/units/{unit}/comparison");
            var standing = comparison.GetProperty("standing");
            var row = ranking.Single(r => r.GetProperty("unitCode").GetString() == unit);

            standing.GetProperty("level").GetString().Should().Be("department");
            standing.GetProperty("rank").GetInt32().Should().Be(row.GetProperty("rank").GetInt32(), $"{unit}'s rank is its row's in /rankings");
            standing.GetProperty("of").GetInt32().Should().Be(ranked.Count);
            standing.GetProperty("peerAverage").GetDecimal().Should().Be(
                Math.Round(ranked.Average(r => r.GetProperty("total").GetDecimal()), 2, MidpointRounding.AwayFromZero));
            standing.GetProperty("cityTotal").GetDecimal().Should().Be(comparison.GetProperty("city").GetProperty("total").GetDecimal());
        }
    }

    [Fact]
    public async Task A_unit_without_a_dossier_has_no_rank_and_the_city_has_no_standing()
    {
        await SeedAsync();
        var leader = await fixture.SessionOf("e2e.leader");

        var quiet = await Get(leader.Client, "/api/v1/units/so-du-lich/comparison");
        var city = await Get(leader.Client, "/api/v1/units/79/comparison");

        quiet.GetProperty("current").GetProperty("counts").GetProperty("received").GetInt64().Should().Be(0, "nothing is sent to Sở Du lịch on this node");
        quiet.GetProperty("standing").GetProperty("rank").ValueKind.Should().Be(JsonValueKind.Null);
        quiet.GetProperty("standing").GetProperty("of").GetInt32().Should().BeGreaterThanOrEqualTo(Departments.Length);
        city.GetProperty("standing").ValueKind.Should().Be(JsonValueKind.Null);
    }

    /// <summary>This month's dossiers for <see cref="Departments"/>, once per node (the ids make a second post a no-op).</summary>
    private async Task SeedAsync()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-3);
        var lines = new List<string>();
        foreach (var (unit, received, completed) in Departments)
        {
            for (var i = 0; i < received; i++)
            {
                var dossier = $"e2e-standing-{unit}-{i}";
                lines.Add(Ndjson.Received(unit, dossier, at));
                if (i < completed)
                {
                    lines.Add(Ndjson.Completed(unit, dossier, at.AddMinutes(1)));
                }
            }
        }

        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        using var response = await admin.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body([.. lines]));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A row of <c>/rankings</c> with a rank that received a dossier (units without one are unranked, or not ranked yet by older versions).</summary>
    private static bool IsRanked(JsonElement row) =>
        row.GetProperty("rank").ValueKind == JsonValueKind.Number && row.TryGetProperty("received", out var received) && received.GetInt64() > 0;

    private static async Task<JsonElement> Get(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<JsonElement>(body);
    }
}
