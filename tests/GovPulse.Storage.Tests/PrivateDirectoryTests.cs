using System.Runtime.Versioning;
using Microsoft.Extensions.Logging.Abstractions;

namespace GovPulse.Storage.Tests;

[UnsupportedOSPlatform("windows")] // Unix modes; the node runs on Linux (chDB)
public sealed class PrivateDirectoryTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OpenToAll = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "govpulse-private-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void A_missing_data_directory_is_made_for_the_node_s_user_only()
    {
        var made = PrivateDirectory.Create(Path.Combine(_root, "data"), NullLogger.Instance);

        made.Should().Be(Path.Combine(_root, "data"));
        File.GetUnixFileMode(made).Should().Be(OwnerOnly);
    }

    [Fact]
    public void A_data_directory_open_to_other_users_is_tightened_and_its_files_stay()
    {
        Directory.CreateDirectory(_root, OpenToAll);
        File.SetUnixFileMode(_root, OpenToAll); // whatever the umask made of it
        File.WriteAllText(Path.Combine(_root, "kept.txt"), "kept");

        PrivateDirectory.Create(_root, NullLogger.Instance);

        File.GetUnixFileMode(_root).Should().Be(OwnerOnly);
        File.ReadAllText(Path.Combine(_root, "kept.txt")).Should().Be("kept");
    }

    [Fact]
    public void A_secret_file_is_written_0600_and_replaces_an_older_one_readable_by_others()
    {
        PrivateDirectory.Create(_root, NullLogger.Instance);
        var path = Path.Combine(_root, "secret.txt");
        File.WriteAllText(path, "old secret");
        File.SetUnixFileMode(path, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        PrivateDirectory.WriteFile(path, "new secret\n");

        File.ReadAllText(path).Should().Be("new secret\n");
        File.GetUnixFileMode(path).Should().Be(OwnerReadWrite);
        Directory.GetFiles(_root).Should().Equal([path], "the temporary file is moved into place, never left behind");
    }

    [Fact]
    public void A_secret_file_created_only_when_missing_is_0600_and_the_second_maker_keeps_the_first_ones()
    {
        PrivateDirectory.Create(_root, NullLogger.Instance);
        var path = Path.Combine(_root, "once.txt");

        var first = PrivateDirectory.TryCreateFile(path, "first\n");
        var second = PrivateDirectory.TryCreateFile(path, "second\n");

        first.Should().BeTrue();
        second.Should().BeFalse();
        File.ReadAllText(path).Should().Be("first\n");
        File.GetUnixFileMode(path).Should().Be(OwnerReadWrite);
        Directory.GetFiles(_root).Should().Equal([path], "the loser's temporary file is deleted");
    }

    [Fact]
    public void Makers_racing_for_one_file_agree_on_a_single_winner_whose_text_stays()
    {
        PrivateDirectory.Create(_root, NullLogger.Instance);
        const int Makers = 4;
        const int Rounds = 300;
        using var together = new Barrier(Makers);
        var won = new bool[Rounds, Makers];

        var makers = Enumerable.Range(0, Makers).Select(maker => new Thread(() =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                together.SignalAndWait();
                won[round, maker] = PrivateDirectory.TryCreateFile(Path.Combine(_root, $"round-{round}.txt"), $"maker {maker}\n");
            }
        })).ToList();
        makers.ForEach(t => t.Start());
        makers.ForEach(t => t.Join());

        for (var round = 0; round < Rounds; round++)
        {
            var winners = Enumerable.Range(0, Makers).Where(maker => won[round, maker]).ToList();
            winners.Should().ContainSingle($"one maker makes round {round}'s file, the others read it");
            File.ReadAllText(Path.Combine(_root, $"round-{round}.txt")).Should().Be($"maker {winners[0]}\n", "no later maker replaces the winner's file");
        }

        Directory.GetFiles(_root).Should().HaveCount(Rounds, "every loser's temporary file is deleted");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
