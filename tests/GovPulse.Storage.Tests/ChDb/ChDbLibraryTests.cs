using GovPulse.Storage.ChDb;
using GovPulse.Storage.Tests.Fixtures;

namespace GovPulse.Storage.Tests.ChDb;

/// <summary>In the engine's collection: these tests change the process environment.</summary>
[Collection(EmbeddedClickHouseCollectionDefinition.Name)]
public sealed class ChDbLibraryTests
{
    [Fact]
    public void The_library_is_found_without_being_copied_into_bin()
    {
        var path = ChDbLibrary.Locate();

        File.Exists(path).Should().BeTrue();
        Path.GetFileName(path).Should().Be(ChDbLibrary.FileName);
        File.Exists(Path.Combine(AppContext.BaseDirectory, ChDbLibrary.FileName)).Should().BeFalse();
    }

    [Fact]
    public void A_missing_library_names_what_was_tried_and_the_fix()
    {
        var previous = Environment.GetEnvironmentVariable(ChDbLibrary.PathVariable);
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "libchdb.so");
        try
        {
            Environment.SetEnvironmentVariable(ChDbLibrary.PathVariable, missing);

            var act = () => ChDbLibrary.Locate();

            act.Should().Throw<DllNotFoundException>()
                .Which.Message.Should().Contain(missing).And.Contain(ChDbLibrary.PathVariable).And.Contain("npm ci");
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChDbLibrary.PathVariable, previous);
        }
    }
}
