using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;
using GovPulse.Security;
using GovPulse.Security.Access;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// Where the role matrix says who reads what: <c>dashboard/GovPulse.Security/Access/ReadMatrix.cs</c>.
/// The read API and every hub message ask it, so opening figures (not dossiers) to every signed-in role
/// is one line there — <c>(Roles.DepartmentHead, ReadKind.Figures) => Reach.OwnUnits</c> becomes
/// <c>Reach.CityWide</c> — and this test changes with it.
/// </summary>
[Collection(SecuredNode.Name)]
public sealed class ReadMatrixTests(SecuredNodeFixture fixture)
{
    [Fact]
    public void Department_heads_read_figures_and_dossiers_of_their_own_unit_only_and_the_other_roles_everything()
    {
        ReadMatrix.ForPerson(Roles.DepartmentHead, ReadKind.Figures).Should().Be(
            Reach.OwnUnits, "figures are not yet open to every signed-in role: the one line in ReadMatrix.ForPerson that opens them");
        ReadMatrix.ForPerson(Roles.DepartmentHead, ReadKind.Dossiers).Should().Be(Reach.OwnUnits, "dossiers stay with their unit");
        foreach (var role in new[] { Roles.Leader, Roles.Auditor, Roles.Admin })
        {
            ReadMatrix.ForPerson(role, ReadKind.Figures).Should().Be(Reach.CityWide);
            ReadMatrix.ForPerson(role, ReadKind.Dossiers).Should().Be(Reach.CityWide);
        }

        ReadMatrix.ForPerson("someone", ReadKind.Figures).Should().Be(Reach.Nothing);
        ReadMatrix.ForKey(everyUnit: false, ReadKind.Figures).Should().Be(Reach.OwnUnits, "a key is no signed-in role: its units stay its units");
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
