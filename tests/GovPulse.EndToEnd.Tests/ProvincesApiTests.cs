using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GovPulse.EndToEnd.Tests.Fixtures;
using GovPulse.Indicators.Catalog;
using GovPulse.Indicators.Events;
using GovPulse.Indicators.Units;
using GovPulse.Ingest.Simulation;

namespace GovPulse.EndToEnd.Tests;

/// <summary>
/// A node loaded with a two-province directory file (GovPulse:Directory:File): Ho Chi Minh City
/// (a commune and a department of it) and Hà Nội (two communes) under the nation, fed a simulated
/// working day. The province ranking pools each province's units as the city pools its own; the
/// commune ranking filtered by province lists only that province's communes.
/// </summary>
public sealed class ProvincesApiTests(TwoProvinceNodeFixture fixture) : IClassFixture<TwoProvinceNodeFixture>
{
    [Fact]
    public async Task The_units_list_the_nation_and_both_provinces_with_their_kinds_and_which_are_synthetic()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var units = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/units", UriKind.Relative));

        units.EnumerateArray().Select(u => (u.GetProperty("code").GetString(), u.GetProperty("kind").GetString(), u.GetProperty("parentCode").GetString(), u.GetProperty("synthetic").GetBoolean()))
            .Should().Equal(
                ("VN", "nation", null, false), ("79", "city", "VN", false), ("so-tu-phap", "department", "79", false), ("26737", "commune", "79", false),
                ("01", "province", "VN", true), ("00004", "commune", "01", true), ("00006", "commune", "01", true));
    }

    [Fact]
    public async Task The_province_ranking_pools_each_provinces_units_like_the_city_and_agrees_with_its_scorecard()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var rows = await Rows(client, "level=province");

        rows.Select(r => r.GetProperty("unitCode").GetString()).Should().BeEquivalentTo(["79", "01"]);
        foreach (var row in rows)
        {
            var code = row.GetProperty("unitCode").GetString()!;
            row.GetProperty("received").GetInt64().Should().Be(fixture.ReceivedIn(code), code);
            row.GetProperty("rank").GetInt32().Should().BeInRange(1, 2);

            var pooled = await Scorecard(client, code);
            row.GetProperty("total").GetDecimal().Should().Be(pooled.GetProperty("total").GetDecimal(), $"{code}'s ranking row is its pooled scorecard");
            var ownUnits = fixture.Directory.UnitsOf(code);
            var unitsReceived = 0L;
            foreach (var unit in ownUnits.Where(u => u.Code != code))
            {
                unitsReceived += (await Scorecard(client, unit.Code)).GetProperty("counts").GetProperty("received").GetInt64();
            }

            pooled.GetProperty("counts").GetProperty("received").GetInt64().Should().Be(unitsReceived, $"{code} adds up its own units' dossiers, no other province's");
        }

        var nation = await Scorecard(client, "VN");
        nation.GetProperty("counts").GetProperty("received").GetInt64().Should().Be(fixture.ReceivedIn("79") + fixture.ReceivedIn("01"));
        nation.GetProperty("name").GetString().Should().Be("Việt Nam");
    }

    [Fact]
    public async Task The_commune_ranking_within_a_province_lists_only_its_communes_and_without_one_every_provinces()
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        var hanoi = await Rows(client, "level=commune&province=01");
        var all = await Rows(client, "level=commune");
        var hanoiDepartments = await Rows(client, "level=department&province=01");
        var cityDepartments = await Rows(client, "level=department&province=79");

        hanoi.Select(r => r.GetProperty("unitCode").GetString()).Should().BeEquivalentTo(["00004", "00006"]);
        hanoi.Should().OnlyContain(r => r.GetProperty("received").GetInt64() > 0);
        hanoi.Select(r => r.GetProperty("rank").GetInt32()).Should().BeSubsetOf([1, 2]);
        all.Select(r => r.GetProperty("unitCode").GetString()).Should().BeEquivalentTo(["00004", "00006", "26737"]);
        hanoiDepartments.Should().BeEmpty();
        cityDepartments.Select(r => r.GetProperty("unitCode").GetString()).Should().Equal("so-tu-phap");
    }

    [Theory]
    [InlineData("level=commune&province=26737", "province '26737' is not the code of a province*")]
    [InlineData("level=commune&province=99", "province '99' is not the code of a province*")]
    [InlineData("level=nation", "level 'nation' is not one of commune, department, province")]
    public async Task A_province_that_is_none_or_an_unknown_level_is_a_400_naming_it(string query, string detail)
    {
        using var client = fixture.Node.CreateClient(NodeFixture.ApiKey);

        using var response = await client.GetAsync(new Uri($"/api/v1/rankings?{query}&period={TwoProvinceNodeFixture.Period}", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Match(detail);
    }

    private static async Task<List<JsonElement>> Rows(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/rankings?{query}&period={TwoProvinceNodeFixture.Period}", UriKind.Relative)))
            .EnumerateArray().ToList();

    private static async Task<JsonElement> Scorecard(HttpClient client, string code) =>
        await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/units/{code}/indicators?period={TwoProvinceNodeFixture.Period}", UriKind.Relative));
}

/// <summary>The node of <see cref="ProvincesApiTests"/>: its directory file, and a simulated working day of October 2026 posted to it.</summary>
public sealed class TwoProvinceNodeFixture : IAsyncLifetime
{
    public const string Period = "2026-10";
    private static readonly DateTimeOffset Day = new(2026, 10, 14, 0, 0, 0, TimeSpan.FromHours(7));

    private const string DirectoryCsv = """
        code,name,kind,parent_code,province_code,synthetic
        VN,Việt Nam,nation,,,false
        79,Thành phố Hồ Chí Minh,city,VN,79,false
        so-tu-phap,Sở Tư pháp,department,79,79,false
        26737,Phường Tân Định,commune,79,79,false
        01,Thành phố Hà Nội,province,VN,01,true
        00004,Phường Ba Đình,commune,01,01,true
        00006,Phường Ngọc Hà,commune,01,01,true
        """;

    private readonly string _dataDirectory = TempDirectory.NewPath("provinces");
    private readonly Dictionary<string, long> _received = new(StringComparer.Ordinal);

    public NodeProcess Node { get; private set; } = null!;

    public UnitDirectory Directory { get; } = UnitDirectoryFile.Read(DirectoryCsv, "provinces.csv");

    /// <summary>Dossiers received in the day by the units of a province.</summary>
    public long ReceivedIn(string provinceCode) => _received.GetValueOrDefault(provinceCode);

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_dataDirectory);
        var file = Path.Combine(_dataDirectory, "provinces.csv");
        await File.WriteAllTextAsync(file, DirectoryCsv);
        Node = await NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey, $"--{UnitDirectoryFile.Setting}={file}");

        var events = new CitySimulator(new TrafficProfile(Directory, 16, 0.2), ProcedureCatalog.Reference, 16, Day).Advance(Day.AddDays(1));
        foreach (var received in events.Where(e => e.Type == EventType.DossierReceived))
        {
            var province = Directory.ProvinceOf(Directory.Find(received.UnitCode)!)!.Code;
            _received[province] = _received.GetValueOrDefault(province) + 1;
        }

        using var client = Node.CreateClient(NodeFixture.ApiKey);
        foreach (var chunk in events.Chunk(10_000))
        {
            var result = await EventPoster.PostAsync(client, chunk.Select(EventPoster.Line).ToList());
            result.Rejected.Should().BeEmpty();
        }
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        TempDirectory.DeleteQuietly(_dataDirectory);
    }
}
