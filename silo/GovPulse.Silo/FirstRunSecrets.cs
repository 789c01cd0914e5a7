using GovPulse.Storage;

namespace GovPulse.Silo;

/// <summary>
/// Where the secrets a start made (the ingest key of the run, demo passwords) go when the node's output
/// is not a terminal (a service's journal, a file, a container log that others may read):
/// <c>&lt;DataDirectory&gt;/first-run-secrets.txt</c>, mode 0600, in a 0700 directory. The banner
/// names the file instead of the secrets.
/// </summary>
/// <remarks>
/// One <c>name=value</c> line a secret, under a comment saying what it is. A start replaces the
/// entries it makes again and keeps the others, so the demo passwords of a first run survive the
/// restarts after it; the ingest key is always the latest run's (an earlier run's key died with it).
/// </remarks>
public static class FirstRunSecrets
{
    public const string FileName = "first-run-secrets.txt";

    /// <summary>The entry of the run's generated ingest key.</summary>
    public const string IngestKey = "ingest-key";

    /// <summary>The entry of a demo user's password: this and the user name.</summary>
    public const string DemoPasswordPrefix = "demo-password.";

    private const string Header = """
        # GovPulse: secrets made at start-up, written here instead of the output, which was not a terminal.
        # Only the node's user may read this file (mode 0600). Keep them somewhere safe, then delete it.
        # A later start replaces the entries it makes again.
        """;

    /// <summary>Writes <paramref name="secrets"/> into the file (merged as above) and returns its full path.</summary>
    public static string Write(string dataDirectory, IReadOnlyList<FirstRunSecret> secrets, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var path = Path.Combine(PrivateDirectory.Create(dataDirectory, logger), FileName);
        var names = secrets.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var kept = Read(path).Where(s => !names.Contains(s.Name) && s.Name != IngestKey);
        var text = new System.Text.StringBuilder(Header).Append('\n');
        foreach (var secret in secrets.Concat(kept))
        {
            text.Append('\n').Append("# ").Append(secret.Note).Append('\n').Append(secret.Name).Append('=').Append(secret.Value).Append('\n');
        }

        PrivateDirectory.WriteFile(path, text.ToString());
        return path;
    }

    /// <summary>The entries in the file at <paramref name="path"/>, none when there is no file.</summary>
    public static IReadOnlyList<FirstRunSecret> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var lines = File.ReadAllLines(path);
        var entries = new List<FirstRunSecret>();
        for (var i = 0; i < lines.Length; i++)
        {
            var separator = lines[i].IndexOf('=', StringComparison.Ordinal);
            if (lines[i].StartsWith('#') || separator <= 0)
            {
                continue;
            }

            var note = i > 0 && lines[i - 1].StartsWith("# ", StringComparison.Ordinal) ? lines[i - 1][2..] : string.Empty;
            entries.Add(new FirstRunSecret(lines[i][..separator], lines[i][(separator + 1)..], note));
        }

        return entries;
    }
}

/// <summary>A secret for <see cref="FirstRunSecrets"/>: its entry name, the secret, and what it is (one line).</summary>
public sealed record FirstRunSecret(string Name, string Value, string Note)
{
    public override string ToString() => $"FirstRunSecret {{ Name = {Name} }}";
}
