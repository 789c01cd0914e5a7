using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary><c>GET /api/v1/units/{code}/dossiers</c> through the real node: the dossiers a department head chases.</summary>
public sealed class DossiersApiTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const string Unit = "26758"; // Phường Cầu Ông Lãnh

    [Fact]
    public async Task Overdue_and_open_dossiers_come_most_urgent_first_with_the_total()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        var now = DateTimeOffset.UtcNow;
        (await client.PostAsync("/api/v1/events", Ndjson.Body(
            Ndjson.Received(Unit, "chase-old", now.AddDays(-12)),
            Ndjson.Received(Unit, "chase-older", now.AddDays(-20)),
            Ndjson.Received(Unit, "chase-new", now.AddMinutes(-5)),
            Ndjson.Received(Unit, "chase-done", now.AddDays(-15)),
            Ndjson.Completed(Unit, "chase-done", now.AddDays(-14))))).EnsureSuccessStatusCode();

        var overdue = await client.GetAsync($"/api/v1/units/{Unit}/dossiers?status=overdue");
        var overdueRows = await overdue.Content.ReadFromJsonAsync<JsonElement[]>() ?? [];
        var open = await client.GetFromJsonAsync<JsonElement[]>($"/api/v1/units/{Unit}/dossiers?status=in-progress&limit=2") ?? [];

        overdue.Headers.GetValues("X-Total-Count").Should().Equal("2");
        overdue.Headers.GetValues("X-GovPulse-Count-Overdue").Should().Equal("2");
        overdue.Headers.GetValues("X-GovPulse-Count-Due-Soon").Should().ContainSingle().Which.Should().BeOneOf("0", "1"); // chase-new is due in 3 days: 2 working days or fewer across a weekend
        overdue.Headers.GetValues("X-GovPulse-Count-In-Progress").Should().Equal("3");
        overdueRows.Should().OnlyContain(r => r.GetProperty("overdueReason").GetString() == "duePassed" && r.GetProperty("overdueSince").GetString() == r.GetProperty("dueAt").GetString());
        overdueRows.Should().OnlyContain(r => r.GetProperty("sourceUrl").ValueKind == JsonValueKind.Null, "no source URL template is configured");
        overdueRows.Select(r => r.GetProperty("dossierId").GetString()).Should().Equal("chase-older", "chase-old");
        overdueRows[0].GetProperty("status").GetString().Should().Be("overdue");
        overdueRows[0].GetProperty("workingDaysLate").GetInt32().Should().BeGreaterThan(overdueRows[1].GetProperty("workingDaysLate").GetInt32());
        overdueRows[0].GetProperty("procedureCode").GetString().Should().Be("2.000815");
        overdueRows[0].GetProperty("dueAt").GetString().Should().EndWith("+07:00");
        open.Select(r => r.GetProperty("dossierId").GetString()).Should().Equal("chase-older", "chase-old");
    }

    [Theory]
    [InlineData("/api/v1/units/26758/dossiers?status=late", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/units/26758/dossiers?limit=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/units/79/dossiers", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/units/99999/dossiers", HttpStatusCode.NotFound)]
    public async Task Bad_requests_are_refused_with_a_reason(string path, HttpStatusCode expected)
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var response = await client.GetAsync(path);

        response.StatusCode.Should().Be(expected);
        (await response.Content.ReadAsStringAsync()).Should().Contain("detail");
    }
}
