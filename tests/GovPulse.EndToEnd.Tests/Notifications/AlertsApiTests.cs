using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;

namespace GovPulse.EndToEnd.Tests.Notifications;

/// <summary>
/// <c>GET|POST|DELETE /api/v1/alerts</c> through the real node, signed in as people: a rule is the
/// caller's own, says why it is refused, and shows where it fires once the node has judged a scorecard.
/// Who may call the endpoints at all is in <see cref="AuthorizationMatrixTests"/>.
/// </summary>
[Collection(SecuredNode.Name)]
public sealed class AlertsApiTests(SecuredNodeFixture fixture)
{
    private static readonly Uri Alerts = new("/api/v1/alerts", UriKind.Relative);

    [Fact]
    public async Task A_leader_sets_lists_and_deletes_a_rule_that_is_theirs_alone()
    {
        var leader = await fixture.SessionOf("e2e.leader");
        var auditor = await fixture.SessionOf("e2e.auditor");

        using var created = await Post(leader, new { kind = "onTimeBelow", unitCode = "26737", threshold = 85.5 });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var rule = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = rule.GetProperty("id").GetString()!;
        created.Headers.Location!.ToString().Should().Be($"/api/v1/alerts/{id}");
        rule.GetProperty("kind").GetString().Should().Be("onTimeBelow");
        rule.GetProperty("unitCode").GetString().Should().Be("26737");
        rule.GetProperty("threshold").GetDecimal().Should().Be(85.5m);
        rule.GetProperty("createdAt").GetString().Should().EndWith("+07:00");
        rule.GetProperty("firing").GetArrayLength().Should().Be(0);

        using var everyCommune = await Post(leader, new { kind = "bandDrop" });
        everyCommune.StatusCode.Should().Be(HttpStatusCode.Created);
        var everyId = (await everyCommune.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var listed = await List(leader);
        listed.Should().ContainKey(id).WhoseValue.GetProperty("threshold").GetDecimal().Should().Be(85.5m, "as typed, not as stored (85.5000)");
        listed[everyId].GetProperty("unitCode").ValueKind.Should().Be(JsonValueKind.Null, "null = every commune");
        (await List(auditor)).Keys.Should().NotContain([id, everyId], "a person lists their own rules only");

        using (var foreign = await auditor.SendAsync(HttpMethod.Delete, new Uri($"/api/v1/alerts/{id}", UriKind.Relative)))
        {
            foreign.StatusCode.Should().Be(HttpStatusCode.NotFound, "another person's rule is not theirs to delete");
        }

        using (var deleted = await leader.SendAsync(HttpMethod.Delete, new Uri($"/api/v1/alerts/{id}", UriKind.Relative)))
        {
            deleted.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        using (var again = await leader.SendAsync(HttpMethod.Delete, new Uri($"/api/v1/alerts/{id}", UriKind.Relative)))
        {
            again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        (await List(leader)).Keys.Should().NotContain(id).And.Contain(everyId);
    }

    [Theory]
    [InlineData("""{"kind":"bandFall"}""", "kind 'bandFall' is not one of")]
    [InlineData("""{"kind":"onTimeBelow","unitCode":"26737"}""", "onTimeBelow needs a threshold")]
    [InlineData("""{"kind":"onTimeBelow","unitCode":"26737","threshold":120}""", "not a percent in 0–100")]
    [InlineData("""{"kind":"onTimeBelow","threshold":80.125}""", "more than 2 decimals")]
    [InlineData("""{"kind":"overdueAbove","unitCode":"26737","threshold":2.5}""", "not a whole number")]
    [InlineData("""{"kind":"overdueAbove","threshold":-1}""", "not a whole number")]
    [InlineData("""{"kind":"bandDrop","threshold":3}""", "bandDrop takes no threshold")]
    [InlineData("""{"kind":"bandDrop","unitCode":"99999"}""", "unit '99999' is not a known unit")]
    [InlineData("""{"kind":"dossierOverdue"}""", "this account has none")]
    [InlineData("""{"kind":"dossierOverdue","unitCode":"79"}""", "The city has no dossiers of its own")]
    [InlineData("""{"kind":"bandDrop","threshold":"high"}""", "The body must be JSON")]
    [InlineData("""not json""", "The body must be JSON")]
    public async Task A_rule_that_does_not_make_sense_is_refused_with_the_reason(string body, string reason)
    {
        var leader = await fixture.SessionOf("e2e.leader");

        using var response = await leader.SendAsync(HttpMethod.Post, Alerts, new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain(reason);
    }

    [Fact]
    public async Task A_department_head_watches_the_dossiers_of_their_own_unit_only_and_every_unit_s_figures()
    {
        var head = await fixture.SessionOf("e2e.head.own");

        using var other = await Post(head, new { kind = "dossierOverdue", unitCode = SecuredNodeFixture.OtherUnit });
        other.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("may read the dossiers of unit 26737");

        using var own = await Post(head, new { kind = "dossierOverdue" });
        own.StatusCode.Should().Be(HttpStatusCode.Created);
        (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unitCode").GetString().Should().Be(SecuredNodeFixture.OwnUnit, "no unit = their own unit");

        using var figures = await Post(head, new { kind = "overdueAbove", unitCode = SecuredNodeFixture.OtherUnit, threshold = 5 });
        figures.StatusCode.Should().Be(HttpStatusCode.Created, "every signed-in role reads every unit's figures");
    }

    [Fact]
    public async Task A_rule_shows_where_it_fires_once_the_node_has_judged_the_unit_s_scorecard()
    {
        const string unit = "27169"; // Phường Diên Hồng
        var leader = await fixture.SessionOf("e2e.leader");
        using var created = await Post(leader, new { kind = "overdueAbove", unitCode = unit, threshold = 0 });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var now = DateTimeOffset.UtcNow;
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);
        await EventPoster.PostAsync(client, [
            $$"""{"eventId":"alerts-overdue-r","type":"DossierReceived","occurredAt":"{{Ndjson.Time(now.AddMinutes(-2))}}","dossierId":"alerts-overdue","unitCode":"{{unit}}","procedureCode":"2.000815","channel":"online","dueAt":"{{Ndjson.Time(now.AddMinutes(-1))}}","fee":0}""",
        ]);

        // The scorecard reaches the alerts grain one-way: ask until it has judged it (bounded).
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        JsonElement firing;
        do
        {
            firing = (await List(leader))[id].GetProperty("firing");
            if (firing.GetArrayLength() > 0 || DateTimeOffset.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(200);
        }
        while (true);

        firing.GetArrayLength().Should().Be(1, "one dossier overdue is above 0");
        firing[0].GetProperty("unitCode").GetString().Should().Be(unit);
        firing[0].GetProperty("since").GetString().Should().EndWith("+07:00");
    }

    private static Task<HttpResponseMessage> Post(PersonSession session, object body) => session.SendAsync(HttpMethod.Post, Alerts, JsonContent.Create(body));

    private static async Task<Dictionary<string, JsonElement>> List(PersonSession session)
    {
        using var response = await session.SendAsync(HttpMethod.Get, Alerts);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var rules = await response.Content.ReadFromJsonAsync<JsonElement>();
        return rules.EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
    }
}
