using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary><c>GET /api/v1/admin/quarantine</c> through the real node: for admins only, with clear errors.</summary>
public sealed class QuarantineApiTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task Admins_list_quarantined_events_and_nobody_else_may_and_bad_requests_say_why()
    {
        using var anonymous = fixture.Node.CreateClient();
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var noKey = await anonymous.GetAsync("/api/v1/admin/quarantine");
        var all = await admin.GetAsync("/api/v1/admin/quarantine");
        var unknown = await admin.GetAsync("/api/v1/admin/quarantine?unit=99999");
        var tooMany = await admin.GetAsync("/api/v1/admin/quarantine?unit=26743&limit=5000");

        noKey.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        all.StatusCode.Should().Be(HttpStatusCode.OK);
        (await all.Content.ReadFromJsonAsync<JsonElement>()).ValueKind.Should().Be(JsonValueKind.Array);
        unknown.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("unit must be a known unit code");
        tooMany.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tooMany.Content.ReadAsStringAsync()).Should().Contain("limit must be between 1 and 1000");
    }
}
