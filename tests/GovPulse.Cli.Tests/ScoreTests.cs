using System.Text.Json;
using GovPulse.Cli.Scoring;
using GovPulse.Indicators.Scoring;

namespace GovPulse.Cli.Tests;

/// <summary><c>govpulse score</c>: the published figures of indicators-766.md §4, from a file, in Vietnamese.</summary>
public sealed class ScoreTests : IDisposable
{
    private const string ProvinceYear = """
        { "indicators": [
          { "code": "PUBLISH_ON_TIME", "numerator": 0, "denominator": 89 },
          { "code": "PUBLIC_UPDATE_ON_TIME", "numerator": 0, "denominator": 70 },
          { "code": "PUBLIC_CONTENT_FULL", "numerator": 87, "denominator": 89 },
          { "code": "DOSSIER_SYNC", "numerator": 475053, "denominator": 475053 },
          { "code": "ON_TIME_PROCESSING", "numerator": 528684, "denominator": 597918 },
          { "code": "PETITION_ON_TIME", "numerator": null, "denominator": null }
        ] }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("govpulse-cli-score-").FullName;

    [Fact]
    public async Task The_table_uses_the_portals_Vietnamese_words_and_vi_VN_numbers()
    {
        var (exit, output, _) = await Cli.RunAsync("score", Write("counts.json", ProvinceYear));

        exit.Should().Be(ExitCodes.Ok);
        output.Should().Contain("Tiến độ, kết quả giải quyết").And.Contain("Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn")
            .And.Contain("528.684").And.Contain("597.918").And.Contain("88,42%").And.Contain("17,68")
            .And.Contain("Công khai, minh bạch").And.Contain("7,96")
            .And.Contain(ScorecardTable.NoData).And.Contain("Xếp loại: Yếu").And.Contain("Chỉ tiêu không có trong tệp (tính 0 điểm)");
    }

    [Fact]
    public async Task Json_output_is_the_scorecard_of_the_scoring_library()
    {
        var (exit, output, _) = await Cli.RunAsync("score", Write("counts.json", ProvinceYear), "--json");
        var json = JsonDocument.Parse(output).RootElement;

        exit.Should().Be(ExitCodes.Ok);
        var expected = ScorecardScoring.Score(CountsFile.Read(Path.Combine(_directory, "counts.json")));
        json.GetProperty("total").GetDecimal().Should().Be(expected.Total);
        json.GetProperty("band").GetString().Should().Be(expected.Band.Vietnamese);
        json.GetProperty("groups")[1].GetProperty("indicators")[0].GetProperty("points").GetDecimal().Should().Be(17.68m);
        json.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).Should().Contain("DOSSIERS_PAID_ONLINE");
    }

    [Fact]
    public async Task A_csv_of_counts_scores_like_the_json_body()
    {
        var csv = Write("counts.csv", "code,numerator,denominator\nON_TIME_PROCESSING,528684,597918\nPETITION_ON_TIME,,\n");
        var json = Write("counts.json", """{"indicators":[{"code":"ON_TIME_PROCESSING","numerator":528684,"denominator":597918},{"code":"PETITION_ON_TIME","numerator":null,"denominator":null}]}""");

        (await Cli.RunAsync("score", csv, "--json")).Out.Should().Be((await Cli.RunAsync("score", json, "--json")).Out);
    }

    [Theory]
    [InlineData("""{"indicators":[{"code":"ON_TIME","numerator":1,"denominator":2}]}""", "counts.json, indicator 1: code 'ON_TIME' is not a Decision 766 indicator (PUBLISH_ON_TIME,")]
    [InlineData("""{"indicators":[{"code":"DOSSIER_SYNC","numerator":-1,"denominator":2}]}""", "counts.json, indicator 1 (DOSSIER_SYNC): numerator and denominator cannot be negative")]
    [InlineData("""{"indicators":[{"code":"DOSSIER_SYNC","numerator":1,"denominator":2},{"code":"DOSSIER_SYNC","numerator":1,"denominator":2}]}""", "counts.json: indicator DOSSIER_SYNC is given 2 times; give each once")]
    [InlineData("""{"indicators":[{"code":"DOSSIER_SYNC","numerator":"1","denominator":2}]}""", "counts.json, indicator 1: numerator \"1\" is not a number or null")]
    [InlineData("""{"indicators": [ """, "counts.json is not valid JSON")]
    public async Task A_counts_file_the_api_would_refuse_is_a_usage_error_that_says_why(string content, string error)
    {
        var (exit, _, err) = await Cli.RunAsync("score", Write("counts.json", content));

        exit.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain(error);
    }

    [Fact]
    public async Task Band_thresholds_can_be_set_like_the_nodes()
    {
        var path = Write("counts.json", """{"indicators":[{"code":"ON_TIME_PROCESSING","numerator":1,"denominator":1}]}""");

        var json = JsonDocument.Parse((await Cli.RunAsync("score", path, "--json", "--bands", "20,15,10,5")).Out).RootElement;

        json.GetProperty("band").GetString().Should().Be("Xuất sắc");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}
