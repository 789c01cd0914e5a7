using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;
using GovPulse.Security;
using GovPulse.Security.Access;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// Where the role matrix says who reads what: <c>dashboard/GovPulse.Security/Access/ReadMatrix.cs</c>.
/// The read API and every hub message ask it: figures (scores, rankings, history, charts) are open to
/// every signed-in role and every key, as the national portal publishes them; dossiers stay with their
/// unit's head and keys, and with leaders, auditors and admins.
/// </summary>
[Collection(SecuredNode.Name)]
public sealed class ReadMatrixTests(SecuredNodeFixture fixture)
{
    [Fact]
    public void Every_signed_in_role_reads_figures_city_wide_and_department_heads_the_dossiers_of_their_own_unit_only()
    {
        ReadMatrix.ForPerson(Roles.DepartmentHead, ReadKind.Figures).Should().Be(Reach.CityWide, "every unit's figures, and the rankings: their benchmark");
        ReadMatrix.ForPerson(Roles.DepartmentHead, ReadKind.Dossiers).Should().Be(Reach.OwnUnits, "dossiers stay with their unit");
        foreach (var role in new[] { Roles.Leader, Roles.Auditor, Roles.Admin })
        {
            ReadMatrix.ForPerson(role, ReadKind.Figures).Should().Be(Reach.CityWide);
            ReadMatrix.ForPerson(role, ReadKind.Dossiers).Should().Be(Reach.CityWide);
        }

        ReadMatrix.ForPerson("someone", ReadKind.Figures).Should().Be(Reach.Nothing);
        ReadMatrix.ForPerson("someone", ReadKind.Dossiers).Should().Be(Reach.Nothing);
        ReadMatrix.ForKey(everyUnit: false, ReadKind.Figures).Should().Be(Reach.CityWide, "a scoped key reads figures as a department head does");
        ReadMatrix.ForKey(everyUnit: false, ReadKind.Dossiers).Should().Be(Reach.OwnUnits, "and the dossiers of its units only");
        ReadMatrix.ForKey(everyUnit: true, ReadKind.Dossiers).Should().Be(Reach.CityWide);
    }

    [Fact]
    public async Task A_department_head_reads_another_units_figures_and_the_rankings_but_not_its_dossiers_and_is_told_why()
    {
        var head = await fixture.SessionOf("e2e.head.own");

        using var figures = await head.Client.GetAsync(new Uri($"/api/v1/units/{SecuredNodeFixture.OtherUnit}/comparison", UriKind.Relative));
        using var rankings = await head.Client.GetAsync(new Uri("/api/v1/rankings?level=commune", UriKind.Relative));
        using var dossiers = await head.Client.GetAsync(new Uri($"/api/v1/units/{SecuredNodeFixture.OtherUnit}/dossiers", UriKind.Relative));
        using var ownDossiers = await head.Client.GetAsync(new Uri($"/api/v1/units/{SecuredNodeFixture.OwnUnit}/dossiers", UriKind.Relative));
        using var cityDossiers = await head.Client.GetAsync(new Uri("/api/v1/units/79/dossiers", UriKind.Relative));

        figures.StatusCode.Should().Be(HttpStatusCode.OK);
        rankings.StatusCode.Should().Be(HttpStatusCode.OK);
        ownDossiers.StatusCode.Should().Be(HttpStatusCode.OK);
        dossiers.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await dossiers.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Be(
            $"This account may read the dossiers of unit {SecuredNodeFixture.OwnUnit} (Phường Tân Định), not those of unit '{SecuredNodeFixture.OtherUnit}'.");
        cityDossiers.StatusCode.Should().Be(HttpStatusCode.Forbidden, "the city is no unit of theirs: its dossiers would be every unit's");
    }

    [Fact]
    public void The_routes_that_show_figures_are_listed_and_every_other_route_counts_as_dossiers()
    {
        ReadRules.FigureRoutes.Should().Contain(["/api/v1/rankings", "/api/v1/rankings/movers", "/api/v1/units/{code}/indicators"]);
        ReadRules.FigureRoutes.Should().NotContain(["/api/v1/units/{code}/dossiers", "/api/v1/units/{code}/chase", "/api/v1/chase"], "the chase lists show dossiers");
        ReadRules.KindOf(null).Should().Be(ReadKind.Dossiers, "a route not known to show figures is judged by the stricter rule");
    }

    [Fact]
    public async Task Every_route_listed_as_figures_is_a_route_of_the_node()
    {
        using var admin = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var document = await admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        ReadRules.FigureRoutes.Except(paths, StringComparer.OrdinalIgnoreCase).Should().BeEmpty(
            "a misspelt route would be judged as dossiers and stay closed when figures open");
    }
}
