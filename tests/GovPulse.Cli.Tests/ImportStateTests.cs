using GovPulse.Cli.Import;

namespace GovPulse.Cli.Tests;

/// <summary>Where an interrupted import goes on from: the state file's rules.</summary>
public sealed class ImportStateTests : IDisposable
{
    private const string Node = "http://127.0.0.1:5080/";
    private const string OtherNode = "http://10.0.0.9:5080/";
    private static readonly FileIdentity File1 = new(1000, new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), "abc");
    private static readonly ImportProgress Halfway = new() { NextLine = 5001, NextOffset = 400_000, Accepted = 4990, Rejected = 10, RejectsLength = 900 };

    private readonly string _directory = Directory.CreateTempSubdirectory("govpulse-cli-state-").FullName;

    [Fact]
    public void Without_a_saved_state_the_import_starts_at_line_1()
    {
        var plan = ImportPlan.Decide(null, "/data/events.ndjson", File1, Node, restart: false);

        plan.From.Should().Be(ImportProgress.Start);
        plan.Resumed.Should().BeFalse();
        plan.Note.Should().BeNull();
    }

    [Fact]
    public void An_interrupted_import_of_the_same_file_into_the_same_node_goes_on_where_it_stopped()
    {
        var plan = ImportPlan.Decide(Saved((Node, Halfway)), "/data/events.ndjson", File1, Node, restart: false);

        plan.From.Should().Be(Halfway);
        plan.Resumed.Should().BeTrue();
        plan.Note.Should().StartWith("resuming at line 5,001");
    }

    [Fact]
    public void A_file_that_changed_since_starts_again_from_line_1()
    {
        var changed = File1 with { Size = 1200 };

        var plan = ImportPlan.Decide(Saved((Node, Halfway)), "/data/events.ndjson", changed, Node, restart: false);

        plan.From.Should().Be(ImportProgress.Start);
        plan.State.File.Should().Be(changed);
        plan.Note.Should().Contain("changed since the last import");
    }

    [Fact]
    public void Progress_into_another_node_does_not_move_this_ones_start_and_is_kept()
    {
        var plan = ImportPlan.Decide(Saved((OtherNode, Halfway)), "/data/events.ndjson", File1, Node, restart: false);

        plan.From.Should().Be(ImportProgress.Start);
        plan.State.Nodes.Should().ContainKey(OtherNode);
    }

    [Fact]
    public void Restart_sends_the_whole_file_again()
    {
        var plan = ImportPlan.Decide(Saved((Node, Halfway)), "/data/events.ndjson", File1, Node, restart: true);

        plan.From.Should().Be(ImportProgress.Start);
        plan.Note.Should().StartWith("--restart");
    }

    [Fact]
    public void A_finished_import_sends_nothing_and_says_how_to_send_again()
    {
        var done = Halfway with { Complete = true };

        var plan = ImportPlan.Decide(Saved((Node, done)), "/data/events.ndjson", File1, Node, restart: false);

        plan.From.Complete.Should().BeTrue();
        plan.Note.Should().Contain("nothing to send; use --restart");
    }

    [Fact]
    public void The_state_survives_a_save_and_load_and_lives_beside_the_input_or_in_the_state_directory()
    {
        var input = Path.Combine(_directory, "events.ndjson");
        File.WriteAllText(input, "{}\n");
        var beside = ImportStateStore.For(input, null);
        var elsewhere = ImportStateStore.For(input, Path.Combine(_directory, "state"));
        var state = Saved((Node, Halfway), (OtherNode, ImportProgress.Start)) with { File = FileIdentity.Of(input) };

        beside.Save(state);
        elsewhere.Save(state);

        beside.Path.Should().Be(input + ".govpulse-import.json");
        Path.GetFileName(elsewhere.Path).Should().MatchRegex(@"^events\.ndjson\.[0-9a-f]{12}\.govpulse-import\.json$");
        var loaded = beside.Load()!;
        loaded.File.Should().Be(state.File);
        loaded.Nodes.Should().BeEquivalentTo(state.Nodes);
        ImportPlan.Decide(loaded, input, FileIdentity.Of(input), Node, restart: false).From.Should().Be(Halfway);
        Directory.GetFiles(_directory, "*.tmp").Should().BeEmpty();
    }

    [Fact]
    public void An_unreadable_state_file_is_reported_and_ignored()
    {
        var store = new ImportStateStore(Path.Combine(_directory, "x.govpulse-import.json"));
        File.WriteAllText(store.Path, "{ half a state");
        var warnings = new List<string>();

        store.Load(warnings.Add).Should().BeNull();

        warnings.Should().ContainSingle().Which.Should().Contain("starting from line 1");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static ImportStateFile Saved(params (string Node, ImportProgress Progress)[] nodes) => new()
    {
        Input = "/data/events.ndjson",
        File = File1,
        Nodes = nodes.ToDictionary(n => n.Node, n => n.Progress, StringComparer.Ordinal),
    };
}
