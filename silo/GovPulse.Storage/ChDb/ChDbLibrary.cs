using System.Reflection;
using System.Runtime.InteropServices;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// Finds and loads the embedded ClickHouse engine, <c>libchdb.so</c> (chDB). The library is
/// ~560 MB and is not copied into <c>bin/</c>: it comes from the npm package pinned in the repo's
/// <c>package.json</c> (<c>npm ci</c> puts it under <c>node_modules</c>).
/// </summary>
/// <remarks>
/// Search order:
/// <list type="number">
/// <item>the file named by the environment variable <see cref="PathVariable"/> (it must exist);</item>
/// <item><c>libchdb.so</c> next to the application (<see cref="AppContext.BaseDirectory"/>);</item>
/// <item><see cref="NodeModulesPath"/> in <see cref="AppContext.BaseDirectory"/>, the current
/// directory, and each of their parent directories.</item>
/// </list>
/// </remarks>
public static class ChDbLibrary
{
    /// <summary>Environment variable naming the library file explicitly.</summary>
    public const string PathVariable = "GOVPULSE_CHDB_LIBRARY";

    /// <summary>The library's file name.</summary>
    public const string FileName = "libchdb.so";

    /// <summary>Where <c>npm ci</c> puts the library, relative to the repo root.</summary>
    public const string NodeModulesPath = "node_modules/@chdb/lib-linux-x64-gnu/libchdb.so";

    private static readonly Lock Gate = new();
    private static bool s_resolverRegistered;
    private static nint s_library;

    /// <summary>
    /// Returns the path of <c>libchdb.so</c> following the search order, or throws
    /// <see cref="DllNotFoundException"/> naming every path tried and the fix.
    /// </summary>
    public static string Locate()
    {
        var explicitPath = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            var full = Path.GetFullPath(explicitPath);
            if (File.Exists(full))
            {
                return full;
            }

            throw new DllNotFoundException(
                $"The embedded ClickHouse engine was not found: {PathVariable} is set to '{explicitPath}', " +
                $"but '{full}' does not exist. Point {PathVariable} at libchdb.so, or unset it and run `npm ci` in the repo root.");
        }

        var tried = new List<string>();
        foreach (var candidate in Candidates())
        {
            if (tried.Contains(candidate, StringComparer.Ordinal))
            {
                continue;
            }

            tried.Add(candidate);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DllNotFoundException(
            "The embedded ClickHouse engine (libchdb.so, npm package @chdb/lib-linux-x64-gnu) was not found. Tried:" +
            Environment.NewLine + string.Join(Environment.NewLine, tried.Select(p => "  " + p)) + Environment.NewLine +
            $"Fix: run `npm ci` in the repo root or set {PathVariable} to the path of libchdb.so.");
    }

    /// <summary>
    /// Loads the library (once) and routes this assembly's imports of
    /// <see cref="ChDbNative.LibraryName"/> to it. Throws <see cref="DllNotFoundException"/> with
    /// the paths tried when it is missing.
    /// </summary>
    internal static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (s_library == 0)
            {
                var path = Locate();
                try
                {
                    s_library = NativeLibrary.Load(path);
                }
                catch (Exception ex) when (ex is DllNotFoundException or BadImageFormatException)
                {
                    throw new DllNotFoundException(
                        $"The embedded ClickHouse engine at '{path}' could not be loaded ({ex.Message}). " +
                        $"It needs Linux x64 (glibc). Reinstall it with `npm ci` in the repo root or set {PathVariable}.",
                        ex);
                }
            }

            if (!s_resolverRegistered)
            {
                NativeLibrary.SetDllImportResolver(typeof(ChDbLibrary).Assembly, Resolve);
                s_resolverRegistered = true;
            }
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!string.Equals(libraryName, ChDbNative.LibraryName, StringComparison.Ordinal))
        {
            return 0;
        }

        EnsureLoaded();
        return s_library;
    }

    private static IEnumerable<string> Candidates()
    {
        var baseDirectory = Path.GetFullPath(AppContext.BaseDirectory);
        yield return Path.Combine(baseDirectory, FileName);

        foreach (var start in new[] { baseDirectory, Path.GetFullPath(Environment.CurrentDirectory) })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                yield return Path.Combine(directory.FullName, NodeModulesPath);
            }
        }
    }
}
