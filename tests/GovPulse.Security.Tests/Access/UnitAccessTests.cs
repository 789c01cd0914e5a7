using System.Security.Claims;
using GovPulse.Indicators.Units;
using GovPulse.Security;
using GovPulse.Security.Access;
using GovPulse.Security.Keys;
using GovPulse.Security.SignIn;

namespace GovPulse.Security.Tests.Access;

/// <summary>What the role matrix gives each caller, as the API and the hub ask it: figures everywhere, dossiers of their units.</summary>
public sealed class UnitAccessTests
{
    private const string TanDinh = "26737";
    private const string TuPhap = "so-tu-phap";

    private readonly UnitAccess _access = new(UnitDirectory.HoChiMinhCity);

    private static ClaimsPrincipal Person(string role, string? unit = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "someone"), new(ClaimTypes.Role, role) };
        if (unit is not null)
        {
            claims.Add(new Claim(PersonClaims.Unit, unit));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, SessionCookie.Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    private static ClaimsPrincipal Key(params string[] units) =>
        new(new ClaimsIdentity(units.Select(u => new Claim(ApiKeyAuthenticationHandler.IngestClaim, u)), ApiKeyAuthenticationHandler.SchemeName));

    [Fact]
    public void A_department_head_reads_every_units_figures_and_the_city_wide_lists()
    {
        var head = Person(Roles.DepartmentHead, TanDinh);

        _access.RefusalOf(head, TuPhap, ReadKind.Figures).Should().BeNull();
        _access.RefusalOf(head, UnitDirectory.HoChiMinhCityCode, ReadKind.Figures).Should().BeNull();
        _access.CityWideRefusalOf(head, ReadKind.Figures).Should().BeNull("the rankings and movers");
        HubAudiences.Of(head).Should().Equal(HubAudiences.CityWideFigures);
    }

    [Fact]
    public void A_department_head_reads_the_dossiers_of_their_own_unit_only_not_the_citys()
    {
        var head = Person(Roles.DepartmentHead, TanDinh);

        _access.RefusalOf(head, TanDinh, ReadKind.Dossiers).Should().BeNull();
        _access.RefusalOf(head, TuPhap, ReadKind.Dossiers).Should().Be(
            "This account may read the dossiers of unit 26737 (Phường Tân Định), not those of unit 'so-tu-phap'.");
        _access.RefusalOf(head, UnitDirectory.HoChiMinhCityCode, ReadKind.Dossiers).Should().NotBeNull("the city's dossiers would be every unit's");
        _access.CityWideRefusalOf(head, ReadKind.Dossiers).Should().StartWith("A city-wide list of dossiers shows every unit's dossiers");
    }

    [Fact]
    public void A_scoped_key_reads_every_units_figures_and_its_units_dossiers_and_a_key_for_every_unit_everything()
    {
        var scoped = Key(TanDinh);
        var everyUnit = Key(KeyScope.AllUnits);

        _access.RefusalOf(scoped, TuPhap, ReadKind.Figures).Should().BeNull();
        _access.CityWideRefusalOf(scoped, ReadKind.Figures).Should().BeNull();
        _access.RefusalOf(scoped, TanDinh, ReadKind.Dossiers).Should().BeNull();
        _access.RefusalOf(scoped, TuPhap, ReadKind.Dossiers).Should().Contain("This key may read the dossiers of unit 26737");
        _access.RefusalOf(everyUnit, TuPhap, ReadKind.Dossiers).Should().BeNull();
        _access.CityWideRefusalOf(everyUnit, ReadKind.Dossiers).Should().BeNull();
    }

    [Fact]
    public void Leaders_auditors_and_admins_read_everything_and_nobody_else_anything()
    {
        foreach (var role in new[] { Roles.Leader, Roles.Auditor, Roles.Admin })
        {
            _access.CityWideRefusalOf(Person(role), ReadKind.Dossiers).Should().BeNull(role);
            _access.RefusalOf(Person(role), TuPhap, ReadKind.Dossiers).Should().BeNull(role);
        }

        _access.RefusalOf(Person("someone"), TuPhap, ReadKind.Figures).Should().NotBeNull();
        _access.RefusalOf(new ClaimsPrincipal(new ClaimsIdentity()), TuPhap, ReadKind.Figures).Should().NotBeNull();
        HubAudiences.Of(new ClaimsPrincipal(new ClaimsIdentity())).Should().BeEmpty();
    }
}
