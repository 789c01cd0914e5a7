using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovPulse.Cli.Import;

/// <summary>
/// Which file an import state belongs to: its size, its last-write time and a hash of its first
/// 64 KiB. A file that changed in any of these starts over (a re-sent event is a duplicate anyway).
/// </summary>
public sealed record FileIdentity(long Size, DateTimeOffset ModifiedUtc, string Head)
{
    public const int HeadBytes = 64 * 1024;

    public static FileIdentity Of(string path)
    {
        var info = new FileInfo(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var head = new byte[(int)Math.Min(HeadBytes, info.Length)];
        stream.ReadExactly(head);
        return new FileIdentity(info.Length, new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero), Convert.ToHexStringLower(SHA256.HashData(head)));
    }
}

/// <summary>How far an import of one file into one node has got: everything before <see cref="NextLine"/> was acknowledged.</summary>
public sealed record ImportProgress
{
    public static ImportProgress Start { get; } = new();

    /// <summary>The first line not yet acknowledged by the node.</summary>
    public long NextLine { get; init; } = 1;

    /// <summary>The byte where <see cref="NextLine"/> starts (NDJSON seeks there).</summary>
    public long NextOffset { get; init; }

    public long Accepted { get; init; }

    public long Duplicates { get; init; }

    public long Rejected { get; init; }

    /// <summary>Bytes of the rejects file that belong to acknowledged batches: a resumed import cuts the file back to this.</summary>
    public long RejectsLength { get; init; }

    public bool Complete { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The state file of one input: the file's identity and the progress of its import into each node (by URL).</summary>
public sealed record ImportStateFile
{
    public int Version { get; init; } = 1;

    public required string Input { get; init; }

    public required FileIdentity File { get; init; }

    public Dictionary<string, ImportProgress> Nodes { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>Where an import starts, and what to tell the user about it.</summary>
public sealed record ImportPlan(ImportStateFile State, ImportProgress From, string? Note)
{
    public bool Resumed => From.NextLine > 1 && !From.Complete;

    /// <summary>
    /// Decides where the import of <paramref name="input"/> (as it is now: <paramref name="current"/>)
    /// into <paramref name="node"/> starts: where the saved state says it stopped, unless the file
    /// changed since, the state is for another file, or <paramref name="restart"/> is asked for.
    /// Progress into other nodes is kept.
    /// </summary>
    public static ImportPlan Decide(ImportStateFile? saved, string input, FileIdentity current, string node, bool restart)
    {
        ArgumentNullException.ThrowIfNull(current);
        var fresh = new ImportStateFile { Input = input, File = current };
        if (saved is null)
        {
            return new ImportPlan(fresh, ImportProgress.Start, null);
        }

        if (saved.File != current)
        {
            return new ImportPlan(fresh, ImportProgress.Start, $"{Path.GetFileName(input)} changed since the last import (size, time or first 64 KiB differ): starting again from line 1");
        }

        var state = saved with { Nodes = new Dictionary<string, ImportProgress>(saved.Nodes, StringComparer.Ordinal) };
        if (!state.Nodes.TryGetValue(node, out var progress))
        {
            return new ImportPlan(state, ImportProgress.Start, null);
        }

        if (restart)
        {
            return new ImportPlan(state, ImportProgress.Start, "--restart: sending the whole file again (events already stored count as duplicates)");
        }

        return progress.Complete
            ? new ImportPlan(state, progress, $"{Path.GetFileName(input)} was already imported into {node} ({progress.UpdatedAt:yyyy-MM-dd HH:mm} UTC): nothing to send; use --restart to send it again")
            : new ImportPlan(state, progress, $"resuming at line {progress.NextLine:N0}: the lines before it were acknowledged by {node} ({progress.UpdatedAt:yyyy-MM-dd HH:mm} UTC)");
    }
}

/// <summary>
/// Keeps an input's <see cref="ImportStateFile"/> on disk: next to the input
/// (<c>FILE.govpulse-import.json</c>) or in a chosen directory. Saved after every acknowledged batch,
/// by writing a new file and renaming it over the old one, so a kill leaves the old or the new state,
/// never half of one.
/// </summary>
public sealed class ImportStateStore(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public string Path { get; } = path;

    /// <summary>The state file for <paramref name="input"/>: beside it, or in <paramref name="directory"/> under a name that tells inputs of the same name apart.</summary>
    public static ImportStateStore For(string input, string? directory)
    {
        var full = System.IO.Path.GetFullPath(input);
        if (directory is null)
        {
            return new ImportStateStore(full + ".govpulse-import.json");
        }

        var tag = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(full)))[..12];
        return new ImportStateStore(System.IO.Path.Combine(System.IO.Path.GetFullPath(directory), $"{System.IO.Path.GetFileName(full)}.{tag}.govpulse-import.json"));
    }

    /// <summary>The saved state, or null when there is none; an unreadable one is reported through <paramref name="warn"/> and ignored.</summary>
    public ImportStateFile? Load(Action<string>? warn = null)
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            var state = JsonSerializer.Deserialize<ImportStateFile>(File.ReadAllText(Path), Json);
            if (state is { Version: 1 })
            {
                return state with { Nodes = new Dictionary<string, ImportProgress>(state.Nodes ?? [], StringComparer.Ordinal) };
            }
        }
        catch (JsonException)
        {
            // reported below
        }

        warn?.Invoke($"{Path} is not an import state this version understands: starting from line 1");
        return null;
    }

    public void Save(ImportStateFile state)
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, Json));
        File.Move(temporary, Path, overwrite: true);
    }
}
