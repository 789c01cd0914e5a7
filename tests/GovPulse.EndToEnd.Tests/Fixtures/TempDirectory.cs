namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>Data directories for node processes under the system's temp folder.</summary>
public static class TempDirectory
{
    /// <summary>A fresh path, <c>govpulse-&lt;purpose&gt;-&lt;random&gt;</c>; not created.</summary>
    public static string NewPath(string purpose) => Path.Combine(Path.GetTempPath(), $"govpulse-{purpose}-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>Deletes the directories, best effort: a stopped node's engine may still be closing files, and a directory may never have been created.</summary>
    public static void DeleteQuietly(params string[] directories)
    {
        foreach (var directory in directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // best effort
            }
        }
    }
}
