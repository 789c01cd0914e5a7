namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>
/// The node's <c>&lt;DataDirectory&gt;/first-run-secrets.txt</c> (silo/GovPulse.Silo/FirstRunSecrets.cs),
/// where a start writes the secrets it made when its output is not a terminal, as in every test.
/// </summary>
public static class SecretsFile
{
    public const string FileName = "first-run-secrets.txt";

    /// <summary>Every <c>name=value</c> entry of the file.</summary>
    public static IReadOnlyDictionary<string, string> Entries(string path) =>
        File.ReadAllLines(path)
            .Where(line => !line.StartsWith('#') && line.Contains('=', StringComparison.Ordinal))
            .ToDictionary(line => line[..line.IndexOf('=', StringComparison.Ordinal)], line => line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..]);

    /// <summary>Demo user name → password.</summary>
    public static IReadOnlyDictionary<string, string> DemoPasswords(string path) =>
        Entries(path).Where(e => e.Key.StartsWith("demo-password.", StringComparison.Ordinal))
            .ToDictionary(e => e.Key["demo-password.".Length..], e => e.Value);
}
