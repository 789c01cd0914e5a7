using System.Globalization;
using System.Text;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// The server configuration the embedded engine boots with (<c>--config-file</c>): its memory limit,
/// how many idle threads it keeps, and the grants of the engine's only user.
/// </summary>
/// <remarks>
/// chDB checks grants like a server. The engine's user keeps every grant on tables and databases
/// but loses those that reach outside the data directory or the process: the sources (<c>file</c>,
/// <c>url</c>, <c>remote</c>, <c>s3</c>, <c>mysql</c>, <c>executable</c>... table functions and
/// engines, and clickhouse-local's "query a file by its path" overlay), <c>SYSTEM</c>, <c>BACKUP</c>,
/// introspection and named collections. The node's own inserts are unaffected: <c>FROM INFILE</c>
/// is read by the engine's client side, which no grant covers (the HTTP endpoint refuses it from
/// anyone else, as it refuses <c>INTO OUTFILE</c>).
/// </remarks>
internal static class ChDbEngineConfiguration
{
    /// <summary>Writes the configuration under <paramref name="dataDirectory"/> (readable by the owner only) and returns its path.</summary>
    public static string Write(string dataDirectory, ChDbEngineOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MemoryRatio, 0.05, nameof(options.MemoryRatio));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MemoryRatio, 0.95, nameof(options.MemoryRatio));

        var directory = Path.Combine(dataDirectory, "govpulse-engine");
        Directory.CreateDirectory(directory);
        var users = Path.Combine(directory, "users.xml");
        var config = Path.Combine(directory, "config.xml");
        WriteOwnerOnly(users, UsersXml);
        WriteOwnerOnly(config, string.Create(
            CultureInfo.InvariantCulture,
            $"""
            <clickhouse>
              <users_config>{Escape(users)}</users_config>
              <max_server_memory_usage_to_ram_ratio>{options.MemoryRatio:0.###}</max_server_memory_usage_to_ram_ratio>
              <user_files_path>{Escape(Path.Combine(directory, "no-user-files"))}/</user_files_path>
              <max_thread_pool_free_size>{ChDbEngineOptions.IdleThreadsKept}</max_thread_pool_free_size>
            </clickhouse>
            """));
        return config;
    }

    private const string UsersXml =
        """
        <clickhouse>
          <profiles><default></default></profiles>
          <users>
            <default>
              <password></password>
              <networks><ip>::/0</ip></networks>
              <profile>default</profile>
              <quota>default</quota>
              <grants>
                <query>GRANT ALL ON *.*</query>
                <query>REVOKE SOURCES ON *.*</query>
                <query>REVOKE SYSTEM ON *.*</query>
                <query>REVOKE BACKUP ON *.*</query>
                <query>REVOKE INTROSPECTION ON *.*</query>
                <query>REVOKE NAMED COLLECTION ADMIN ON *.*</query>
              </grants>
            </default>
          </users>
          <quotas><default></default></quotas>
        </clickhouse>
        """;

    private static void WriteOwnerOnly(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite); // an older file keeps its mode otherwise
        }
    }

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);
}
