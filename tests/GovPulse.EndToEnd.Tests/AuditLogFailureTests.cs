using System.Net;
using System.Net.Http.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests;

/// <summary>No audited answer without its record, and records outlive the node: one node whose audit table is taken away for a moment, then restarted.</summary>
public sealed class AuditLogFailureTests : IAsyncLifetime
{
    private static readonly Uri Keys = new("/api/v1/admin/keys", UriKind.Relative);
    private readonly string _dataDirectory = TempDirectory.NewPath("audit");

    [Fact]
    public async Task An_audited_answer_is_withheld_with_503_while_the_log_cannot_be_written_and_entries_survive_a_restart()
    {
        await using (var node = await StartAsync())
        {
            using var admin = node.CreateClient(NodeFixture.ApiKey);
            using var before = await admin.GetAsync(Keys);
            await RunOnEmbeddedClickHouseAsync(node, "RENAME TABLE audit_log TO audit_log_away");
            using var withheld = await admin.GetAsync(Keys);
            var withheldBody = await withheld.Content.ReadAsStringAsync();
            using var unaudited = await admin.GetAsync(new Uri("/api/v1/units", UriKind.Relative));
            await RunOnEmbeddedClickHouseAsync(node, "RENAME TABLE audit_log_away TO audit_log");
            using var after = await admin.GetAsync(Keys);

            before.StatusCode.Should().Be(HttpStatusCode.OK);
            withheld.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            withheld.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            withheldBody.Should().Contain("could not be recorded in the audit log").And.NotContainAny("Exception", "   at ");
            unaudited.StatusCode.Should().Be(HttpStatusCode.OK, "only audited endpoints depend on the audit log");
            after.StatusCode.Should().Be(HttpStatusCode.OK);
            (await node.StopAsync()).Should().Be(0);
        }

        await using var restarted = await StartAsync();
        using var reader = restarted.CreateClient(NodeFixture.ApiKey);
        var entries = await reader.GetFromJsonAsync<List<AuditRow>>("/api/v1/admin/audit?user=key:bootstrap");

        entries!.Where(e => e.Request == "GET /api/v1/admin/keys").Should().HaveCount(2, "the withheld answer has no entry; the two given have theirs, kept over the restart");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        TempDirectory.DeleteQuietly(_dataDirectory);
        return Task.CompletedTask;
    }

    private Task<NodeProcess> StartAsync() =>
        NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey, $"--GovPulse:ClickHouse:EmbeddedPassword={NodeFixture.SharedEnginePassword}");

    /// <summary>Runs a statement on the node's embedded ClickHouse through its HTTP endpoint, as any other client could.</summary>
    private static async Task RunOnEmbeddedClickHouseAsync(NodeProcess node, string statement)
    {
        var settings = EventPoster.EmbeddedClickHouseConnectionString(node, NodeFixture.SharedEnginePassword).Split(';').Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://{settings["Host"]}:{settings["Port"]}/") };
        http.DefaultRequestHeaders.Add("X-ClickHouse-User", settings["Username"]);
        http.DefaultRequestHeaders.Add("X-ClickHouse-Key", settings["Password"]);
        using var response = await http.PostAsync(new Uri("?database=govpulse", UriKind.Relative), new StringContent(statement));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
