using System.Text;
using System.Text.Json;
using GovPulse.Indicators.Units;

namespace GovPulse.Cli.Tests;

public sealed class DirectoryCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("govpulse-cli-dir-").FullName;

    private string InTemp(string name) => Path.Combine(_directory, name);

    [Fact]
    public async Task Directory_synthetic_writes_the_nation_a_node_loads_the_same_for_a_seed_and_check_reads_it_back()
    {
        (await Cli.RunAsync("directory", "synthetic", "--out", InTemp("a.csv"), "--seed", "9")).ExitCode.Should().Be(0);
        (await Cli.RunAsync("directory", "synthetic", "--out", InTemp("b.csv"), "--seed", "9")).ExitCode.Should().Be(0);
        (await Cli.RunAsync("directory", "synthetic", "--out", InTemp("c.csv"), "--seed", "10")).ExitCode.Should().Be(0);
        var (exit, _, err) = await Cli.RunAsync("directory", "check", InTemp("a.csv"));

        var a = await File.ReadAllBytesAsync(InTemp("a.csv"));
        (await File.ReadAllBytesAsync(InTemp("b.csv"))).Should().Equal(a);
        (await File.ReadAllBytesAsync(InTemp("c.csv"))).Should().NotEqual(a);
        a.Take(3).Should().NotEqual(Encoding.UTF8.Preamble.ToArray(), "UTF-8 without a byte order mark");
        UnitDirectoryFile.Load(InTemp("a.csv")).All.Should().Equal(SyntheticNation.Create(9).All);
        exit.Should().Be(0);
        err.Should().Contain("34 provinces, 17 departments, 3,321 communes under VN (Việt Nam); 3,186 units synthetic");
    }

    [Fact]
    public async Task Directory_check_names_the_line_and_field_of_a_bad_file()
    {
        await File.WriteAllTextAsync(InTemp("bad.csv"), "code,name,kind,parent_code,province_code\n79,TP,city,,79\n1,Xã,ward,79,79\n");

        var (exit, _, err) = await Cli.RunAsync("directory", "check", InTemp("bad.csv"));

        exit.Should().Be(ExitCodes.UsageOrConnection);
        err.Should().Contain($"{InTemp("bad.csv")}: line 3: field 'kind': 'ward' is not one of nation, city, province, department, commune");
    }

    [Fact]
    public async Task Simulate_with_a_directory_and_a_scale_sends_only_that_directorys_units_at_that_volume()
    {
        await File.WriteAllTextAsync(InTemp("two.csv"), """
            code,name,kind,parent_code,province_code
            VN,Việt Nam,nation,,
            S01,Tỉnh Tổng hợp 01,province,VN,S01
            S01-0001,Xã Tổng hợp 01-0001,commune,S01,S01
            S02,Tỉnh Tổng hợp 02,province,VN,S02
            S02-0001,Xã Tổng hợp 02-0001,commune,S02,S02
            """);
        string[] Args(string file, string scale) =>
            ["simulate", "--out", InTemp(file), "--from", "2026-10-14", "--to", "2026-10-16", "--seed", "3", "--directory", InTemp("two.csv"), "--scale", scale];

        (await Cli.RunAsync(Args("full.ndjson", "1"))).ExitCode.Should().Be(0);
        (await Cli.RunAsync(Args("more.ndjson", "10"))).ExitCode.Should().Be(0);

        var full = ReceivedAt(InTemp("full.ndjson"));
        var more = ReceivedAt(InTemp("more.ndjson"));
        full.Keys.Should().BeEquivalentTo(["S01-0001", "S02-0001"]);
        more.Keys.Should().BeEquivalentTo(["S01-0001", "S02-0001"]);
        ((double)more.Values.Sum() / full.Values.Sum()).Should().BeInRange(7, 13);
    }

    [Fact]
    public async Task Simulate_with_a_bad_directory_or_scale_is_a_usage_error()
    {
        var (missing, _, missingErr) = await Cli.RunAsync("simulate", "--out", InTemp("x.ndjson"), "--from", "2026-10-14", "--to", "2026-10-15", "--directory", InTemp("none.csv"));
        var (zero, _, zeroErr) = await Cli.RunAsync("simulate", "--out", InTemp("x.ndjson"), "--from", "2026-10-14", "--to", "2026-10-15", "--scale", "0");

        missing.Should().Be(ExitCodes.UsageOrConnection);
        missingErr.Should().Contain("none.csv', which does not exist");
        zero.Should().Be(ExitCodes.UsageOrConnection);
        zeroErr.Should().Contain("--scale must be more than 0");
    }

    private static Dictionary<string, int> ReceivedAt(string path) =>
        File.ReadLines(path)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.GetProperty("type").GetString() == "DossierReceived")
            .GroupBy(e => e.GetProperty("unitCode").GetString()!)
            .ToDictionary(g => g.Key, g => g.Count());

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
