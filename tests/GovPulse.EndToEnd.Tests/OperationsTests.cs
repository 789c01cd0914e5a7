using System.Net;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

public sealed class OperationsTests(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task Metrics_count_ingested_events_and_are_for_admins_only()
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);
        await admin.PostAsync(new Uri("/api/v1/events", UriKind.Relative), Ndjson.Body(Ndjson.Received("26737", "ops-metrics-1", DateTimeOffset.UtcNow.AddMinutes(-1))));
        using var anonymous = fixture.Node.CreateClient();

        var metrics = await admin.GetAsync(new Uri("/metrics", UriKind.Relative));
        var refused = await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative));

        metrics.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await metrics.Content.ReadAsStringAsync();
        text.Should().Contain("govpulse_events_ingested").And.Contain("govpulse_events_applied").And.Contain("govpulse_grains_active");
        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_Orleans_dashboard_is_not_served_unless_asked_for()
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        (await admin.GetAsync(new Uri("/admin/orleans/", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await admin.GetAsync(new Uri("/admin/orleans/DashboardCounters", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
