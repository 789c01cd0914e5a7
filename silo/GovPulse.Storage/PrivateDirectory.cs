using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace GovPulse.Storage;

/// <summary>
/// The node's data directory (<c>GovPulse:DataDirectory</c>) as only the node's own user may enter it
/// (mode 0700), and the files of secrets in it as only that user may read them (mode 0600).
/// </summary>
/// <remarks>
/// The directory holds the embedded database, the key ring key and the first-run secrets; chDB
/// creates its own files with the process's umask (often 0644), so the directory's mode is what keeps
/// other local users out. A directory that exists with looser permissions is tightened, with a
/// warning, rather than left open: the node's data is nobody else's (one owned by another user, which
/// the node cannot change, gets a warning only). Idempotent; every user of the
/// directory calls it before writing there. On Windows, where Unix modes do not apply, the
/// directory's inherited ACL decides.
/// </remarks>
public static partial class PrivateDirectory
{
    /// <summary>rwx for the owner only.</summary>
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>rw for the owner only.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> with mode 0700, or tightens it to 0700 when it exists with more; returns its full path.</summary>
    public static string Create(string path, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(logger);
        var directory = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return directory;
        }

        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory, DirectoryMode);
            return directory;
        }

        var mode = File.GetUnixFileMode(directory);
        if ((mode & ~DirectoryMode) != 0)
        {
            try
            {
                File.SetUnixFileMode(directory, DirectoryMode);
                LogTightened(logger, directory, Octal(mode));
            }
            catch (UnauthorizedAccessException)
            {
                // Another user's directory the node may write to: its owner decides, the operator is told.
                LogLeftOpen(logger, directory, Octal(mode));
            }
        }

        return directory;
    }

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> with mode 0600: into a new file that
    /// is then moved over the old one, so the secret is never in a file anyone else may read, not even
    /// for a moment, and a reader never sees half of it.
    /// </summary>
    public static void WriteFile(string path, string text) => Place(path, text, overwrite: true);

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="path"/> with mode 0600 only if no file is there
    /// yet, atomically: true when this call made it, false when the file already existed (another
    /// process sharing the directory made it first; read theirs). As <see cref="WriteFile"/>, a reader
    /// never sees half of it.
    /// </summary>
    public static bool TryCreateFile(string path, string text) => Place(path, text, overwrite: false);

    /// <summary>Writes a new 0600 file beside <paramref name="path"/> and moves it there; false when it may not overwrite and the file exists.</summary>
    private static bool Place(string path, string text, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(text);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        try
        {
            using (var writer = new StreamWriter(temporary, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
            {
                writer.Write(text);
            }

            if (overwrite || OperatingSystem.IsWindows())
            {
                // rename(2) replaces atomically; on Windows a move without overwrite fails when the target exists.
                File.Move(temporary, full, overwrite);
                return true;
            }

            // Not File.Move: without overwrite it checks for the target and then renames when there is
            // none, so two makers at the same moment both "win" and the second replaces the first (seen
            // in CI). link(2) names the finished file only if the name is free, in one step.
            return LinkIfFree(temporary, full);
        }
        catch (IOException) when (!overwrite && File.Exists(full))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Gives <paramref name="existing"/> the name <paramref name="name"/> too, only if no file has that name: false when one has.</summary>
    private static bool LinkIfFree(string existing, string name)
    {
        if (Link(existing, name) == 0)
        {
            return true;
        }

        var error = Marshal.GetLastPInvokeError();
        const int FileExists = 17; // EEXIST on Linux
        return error == FileExists
            ? false
            : throw new IOException($"Could not create {name}: {Marshal.GetPInvokeErrorMessage(error)} (errno {error}); the data directory's file system must allow hard links");
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string name);

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0');

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data directory {Directory} was open to other users (mode {Mode}); it is now 0700, the node's user only")]
    private static partial void LogTightened(ILogger logger, string directory, string mode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The data directory {Directory} is open to other users (mode {Mode}) and belongs to another user, so the node cannot close it: make it 0700 and owned by the node's user")]
    private static partial void LogLeftOpen(ILogger logger, string directory, string mode);
}
