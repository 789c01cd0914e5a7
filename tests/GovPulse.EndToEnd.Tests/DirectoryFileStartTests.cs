using GovPulse.EndToEnd.Tests.Fixtures;
using GovPulse.Indicators.Units;

namespace GovPulse.EndToEnd.Tests;

/// <summary>A bad unit directory file stops the node at start, naming the file, the line and the field, without a stack trace.</summary>
public sealed class DirectoryFileStartTests : IDisposable
{
    private readonly string _dataDirectory = TempDirectory.NewPath("bad-directory");

    [Fact]
    public async Task A_bad_line_stops_the_node_naming_file_line_and_field()
    {
        System.IO.Directory.CreateDirectory(_dataDirectory);
        var file = Path.Combine(_dataDirectory, "units.csv");
        await File.WriteAllTextAsync(file, "code,name,kind,parent_code,province_code\n79,Thành phố Hồ Chí Minh,city,,79\n26737,Phường Tân Định,ward,79,79\n");

        var start = () => NodeProcess.StartAsync(_dataDirectory, NodeFixture.ApiKey, $"--{UnitDirectoryFile.Setting}={file}");

        var failure = (await start.Should().ThrowAsync<InvalidOperationException>()).Which.Message;
        failure.Should().Contain("exited with code 3")
            .And.Contain($"GovPulse cannot start: {file}: line 3: field 'kind': 'ward' is not one of nation, city, province, department, commune")
            .And.NotContain(" at GovPulse.", "an operator gets the reason, not a stack trace");
    }

    public void Dispose() => TempDirectory.DeleteQuietly(_dataDirectory);
}
