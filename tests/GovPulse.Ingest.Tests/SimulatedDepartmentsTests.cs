using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Simulation;

namespace GovPulse.Ingest.Tests;

/// <summary>
/// The simulator gives each department only procedures it handles in reality (field-departments.csv
/// through <see cref="ProcedureRouting"/>): no vehicle registration, business registration or land at
/// the Department of Justice.
/// </summary>
public sealed class SimulatedDepartmentsTests
{
    // Wednesday 16 September 2026, a working day.
    private static readonly DateTimeOffset Day = new(2026, 9, 16, 0, 0, 0, TimeSpan.FromHours(7));

    private static readonly Lazy<List<UnitEvent>> Received = new(() =>
        new CitySimulator(new TrafficProfile(UnitDirectory.HoChiMinhCity, 3), ProcedureCatalog.Reference, 3, Day)
            .Advance(Day.AddDays(1))
            .Where(e => e.Type == EventType.DossierReceived)
            .ToList());

    [Fact]
    public void Every_department_the_simulator_feeds_receives_only_procedures_mapped_to_it()
    {
        var atDepartments = Received.Value.Where(e => UnitDirectory.HoChiMinhCity.Find(e.UnitCode)!.Kind != UnitKind.Commune).ToList();

        atDepartments.Should().NotBeEmpty();
        foreach (var dossier in atDepartments)
        {
            var procedure = ProcedureCatalog.Reference.Find(dossier.ProcedureCode!)!;
            ProcedureRouting.Reference.DepartmentsFor(procedure.Field).Should().Contain(dossier.UnitCode, $"{procedure.Code} ({procedure.Field}) was received by {dossier.UnitCode}");
            procedure.Level.Should().NotBe(ProcedureLevel.Commune);
        }
    }

    [Fact]
    public void The_department_of_justice_receives_civil_status_certification_and_judicial_records_only()
    {
        var fields = Received.Value.Where(e => e.UnitCode == "so-tu-phap")
            .Select(e => ProcedureCatalog.Reference.Find(e.ProcedureCode!)!.Field)
            .Distinct()
            .ToList();

        fields.Should().BeEquivalentTo(["Hộ tịch", "Chứng thực", "Lý lịch tư pháp"]);
    }

    [Fact]
    public void Every_simulated_department_has_a_procedure_and_receives_dossiers_on_a_working_day()
    {
        var simulator = new CitySimulator(new TrafficProfile(UnitDirectory.HoChiMinhCity, 3), ProcedureCatalog.Reference, 3, Day);
        var fed = UnitDirectory.HoChiMinhCity.All.Where(u => u.Kind == UnitKind.Department && simulator.ProceduresOf(u.Code).Count > 0).Select(u => u.Code).ToList();
        var receiving = Received.Value.Select(e => e.UnitCode).Where(c => UnitDirectory.HoChiMinhCity.Find(c)!.Kind != UnitKind.Commune).Distinct().ToList();

        receiving.Should().BeEquivalentTo(fed, "a department receives dossiers exactly when it has a procedure");
        fed.Should().Contain(["so-tu-phap", "so-nong-nghiep-moi-truong", "so-xay-dung", "so-tai-chinh", "so-quy-hoach-kien-truc", "so-an-toan-thuc-pham", "bql-kcx-kcn"]);
        foreach (var code in fed)
        {
            simulator.ProceduresOf(code).Should().OnlyContain(p => ProcedureRouting.Reference.DepartmentsFor(p.Field).Contains(code));
        }
    }

    [Fact]
    public void Communes_keep_the_procedures_of_their_level()
    {
        var atCommunes = Received.Value.Where(e => UnitDirectory.HoChiMinhCity.Find(e.UnitCode)!.Kind == UnitKind.Commune).ToList();

        atCommunes.Should().OnlyContain(e => ProcedureCatalog.Reference.Find(e.ProcedureCode!)!.Level != ProcedureLevel.Province);
        atCommunes.Select(e => ProcedureCatalog.Reference.Find(e.ProcedureCode!)!.Field).Should().Contain(["Hộ tịch", "Đất đai", "Đăng ký kinh doanh (hộ kinh doanh)"]);
    }

    [Fact]
    public void The_mapping_names_every_city_level_field_of_the_catalogue_and_only_known_departments()
    {
        var cityLevelFields = ProcedureCatalog.Reference.All.Where(p => p.Level != ProcedureLevel.Commune).Select(p => p.Field).Distinct();

        ProcedureRouting.Reference.Fields.Should().Contain(cityLevelFields, "a new city-level field must be routed (to a department, or to none of the index's units)");
        foreach (var field in ProcedureRouting.Reference.Fields)
        {
            ProcedureRouting.Reference.DepartmentsFor(field).Where(code => UnitDirectory.HoChiMinhCity.Find(code)?.Kind != UnitKind.Department).Should().BeEmpty(field);
        }

        ProcedureRouting.Reference.DepartmentsFor("Đăng ký, quản lý phương tiện giao thông cơ giới, xe máy chuyên dùng").Should().BeEmpty("vehicles are registered by the police");
        ProcedureRouting.Reference.DepartmentsFor("Đăng ký doanh nghiệp").Should().Equal("so-tai-chinh");
        ProcedureRouting.Reference.DepartmentsFor("Đất đai").Should().Equal("so-nong-nghiep-moi-truong");
    }

    [Fact]
    public void The_city_level_still_receives_its_published_volume()
    {
        var atCityLevel = Received.Value.Count(e => UnitDirectory.HoChiMinhCity.Find(e.UnitCode)!.Kind != UnitKind.Commune);

        ((double)atCityLevel).Should().BeApproximately(TrafficProfile.CityLevelDossiersPerDay, TrafficProfile.CityLevelDossiersPerDay * 0.06, "the unfed departments' share goes to the fed ones");
    }
}
