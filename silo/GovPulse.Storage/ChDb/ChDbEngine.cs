using System.Text;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// The embedded ClickHouse engine (chDB) of this process, bound to one data directory.
/// </summary>
/// <remarks>
/// <para>
/// chDB binds one data directory per process, so there is one engine per process:
/// <see cref="Open"/> returns the shared instance, counting its users; each user disposes it once
/// when done, and the last dispose closes the connections, which stops the engine. It must be
/// stopped before the process exits: chDB's own exit handlers crash on an engine still running.
/// </para>
/// <para>
/// Thread safety: safe for concurrent use. A chDB connection runs one statement at a time, so the
/// engine keeps a pool of connections to its directory (up to <see cref="MaxConnections"/>, opened
/// lazily) and each call gets a pooled connection of its own for its duration; callers beyond the
/// pool size wait for a free one. Every call names its database (<c>default</c> when null); the
/// connection switches with <c>USE</c> only when it is elsewhere. Session state does not carry
/// between calls: a connection that ran <c>SET</c> or created a temporary table is closed
/// afterwards rather than handed to the next caller.
/// </para>
/// <para>
/// Besides the pool the engine holds one more connection of its own, never lent to a caller: it
/// keeps the engine running whatever happens to the pooled ones (closing the process's last
/// connection stops chDB) and it runs <see cref="Cancel"/>. The engine boots with
/// <see cref="ChDbEngineConfiguration"/>: a memory limit (<see cref="ChDbEngineOptions.MemoryRatio"/>)
/// and no grants that reach outside its data directory.
/// </para>
/// </remarks>
public sealed class ChDbEngine : IDisposable
{
    /// <summary>The database a call runs in when it names none.</summary>
    public const string DefaultDatabase = "default";

    /// <summary>The output format used when a call names none.</summary>
    public const string DefaultFormat = "TabSeparated";

    private static readonly Lock OpenGate = new();
    private static ChDbEngine? s_shared;

    private readonly Lock _poolGate = new();
    private readonly Stack<ChDbSession> _idle = new();
    private readonly SemaphoreSlim _slots;
    private readonly Lock _controlGate = new();
    private readonly string _configFile;
    private ChDbSession? _control;
    private bool _disposed;
    private int _users = 1;

    private ChDbEngine(string dataDirectory, string configFile, int maxConnections)
    {
        DataDirectory = dataDirectory;
        MaxConnections = maxConnections;
        _configFile = configFile;
        _slots = new SemaphoreSlim(maxConnections, maxConnections);
    }

    /// <summary>The absolute path of the data directory the engine is bound to.</summary>
    public string DataDirectory { get; }

    /// <summary>The most connections the pool opens (and so the most statements that run at once).</summary>
    public int MaxConnections { get; }

    /// <summary>
    /// Opens the process's engine on <paramref name="dataDirectory"/> (created if missing), or
    /// returns the already open engine when it is bound to the same directory.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine is already open on a different directory.</exception>
    /// <exception cref="DllNotFoundException">libchdb.so was not found (see <see cref="ChDbLibrary"/>).</exception>
    /// <param name="dataDirectory">The engine's data directory.</param>
    /// <param name="options">How to boot the engine; ignored when it is already open.</param>
    public static ChDbEngine Open(string dataDirectory, ChDbEngineOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));

        lock (OpenGate)
        {
            if (s_shared is { } open)
            {
                if (string.Equals(open.DataDirectory, directory, StringComparison.Ordinal))
                {
                    open._users++;
                    return open;
                }

                throw new InvalidOperationException(
                    $"The embedded ClickHouse engine is already open on '{open.DataDirectory}' in this process. " +
                    $"chDB binds one data directory per process, so '{directory}' cannot be opened as well; " +
                    "use the same directory (isolate by database name) or dispose the open engine first.");
            }

            ChDbLibrary.EnsureLoaded();
            Directory.CreateDirectory(directory);
            var configFile = ChDbEngineConfiguration.Write(directory, options ?? new ChDbEngineOptions());

            var engine = new ChDbEngine(directory, configFile, Math.Clamp(Environment.ProcessorCount * 2, 2, 64));

            // Boot the engine now (so that a broken directory fails here rather than on first use)
            // with the connection that pins it.
            engine._control = ChDbSession.Connect(directory, configFile);
            s_shared = engine;
            return engine;
        }
    }

    /// <summary>Runs one statement and returns its output in <paramref name="format"/>.</summary>
    /// <param name="sql">The statement. A <c>FORMAT</c> clause in it wins over <paramref name="format"/>.</param>
    /// <param name="format">The output format (e.g. <c>TabSeparated</c>, <c>JSONEachRow</c>, <c>RowBinaryWithNamesAndTypes</c>).</param>
    /// <param name="database">The current database for the statement; <c>default</c> when null.</param>
    /// <param name="parameters">Values for <c>{name:Type}</c> placeholders, as text.</param>
    /// <exception cref="ChDbException">ClickHouse rejected or failed the statement.</exception>
    public ChDbResult Query(
        string sql,
        string format = DefaultFormat,
        string? database = null,
        IReadOnlyList<KeyValuePair<string, string>>? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        return Query(Encoding.UTF8.GetBytes(sql).AsSpan(), format, database, parameters);
    }

    /// <summary>
    /// Runs one statement given as raw bytes. Binary-safe: an <c>INSERT ... FORMAT RowBinary</c>
    /// followed by a newline and the binary rows (NUL bytes included) is passed through unchanged.
    /// </summary>
    /// <inheritdoc cref="Query(string, string, string?, IReadOnlyList{KeyValuePair{string, string}}?)" path="/param[@name='format']"/>
    /// <inheritdoc cref="Query(string, string, string?, IReadOnlyList{KeyValuePair{string, string}}?)" path="/param[@name='database']"/>
    /// <inheritdoc cref="Query(string, string, string?, IReadOnlyList{KeyValuePair{string, string}}?)" path="/param[@name='parameters']"/>
    /// <exception cref="ChDbException">ClickHouse rejected or failed the statement.</exception>
    public ChDbResult Query(
        ReadOnlySpan<byte> query,
        string format = DefaultFormat,
        string? database = null,
        IReadOnlyList<KeyValuePair<string, string>>? parameters = null)
    {
        if (query.IsEmpty)
        {
            throw new ArgumentException("The query is empty.", nameof(query));
        }

        var session = Rent();
        try
        {
            session.UseDatabase(string.IsNullOrEmpty(database) ? DefaultDatabase : database);
            return Execute(session, query, format, parameters);
        }
        finally
        {
            Return(session);
        }
    }

    /// <summary>
    /// <see cref="Query(ReadOnlySpan{byte}, string, string?, IReadOnlyList{KeyValuePair{string, string}}?)"/>
    /// without blocking the caller: waits for a free connection asynchronously and runs the
    /// (blocking) engine call on the thread pool.
    /// </summary>
    public async Task<ChDbResult> QueryAsync(
        ReadOnlyMemory<byte> query,
        string format = DefaultFormat,
        string? database = null,
        IReadOnlyList<KeyValuePair<string, string>>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        if (query.IsEmpty)
        {
            throw new ArgumentException("The query is empty.", nameof(query));
        }

        var session = await RentAsync(cancellationToken).ConfigureAwait(false);

        try
        {
            return await Task.Run(
                () =>
                {
                    session.UseDatabase(string.IsNullOrEmpty(database) ? DefaultDatabase : database);
                    return Execute(session, query.Span, format, parameters);
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Return(session);
        }
    }

    /// <summary>
    /// Starts a statement whose output is read in chunks as the engine produces it (see
    /// <see cref="ChDbStreamedResult"/>); the stream holds a pooled connection until disposed. Meant for
    /// reads: an INSERT's inline data is not supported here.
    /// </summary>
    /// <exception cref="ChDbException">ClickHouse rejected the statement.</exception>
    public async Task<ChDbStreamedResult> StreamAsync(
        ReadOnlyMemory<byte> query,
        string format = DefaultFormat,
        string? database = null,
        IReadOnlyList<KeyValuePair<string, string>>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        if (query.IsEmpty)
        {
            throw new ArgumentException("The query is empty.", nameof(query));
        }

        var session = await RentAsync(cancellationToken).ConfigureAwait(false);

        try
        {
            var stream = await Task.Run(
                () =>
                {
                    session.UseDatabase(string.IsNullOrEmpty(database) ? DefaultDatabase : database);
                    return session.StartStream(query.Span, format, parameters);
                },
                CancellationToken.None).ConfigureAwait(false);
            return new ChDbStreamedResult(this, session, stream);
        }
        catch
        {
            Return(session);
            throw;
        }
    }

    /// <summary>
    /// Kills the statements running whose text starts with <paramref name="marker"/> (a comment the
    /// caller put first in its statement), from the engine's own connection: the statement's call
    /// then fails with QUERY_WAS_CANCELLED and its connection is free again. Does not wait for them.
    /// </summary>
    /// <param name="marker">Letters, digits, '-', '_', ' ', '/' and '*' only.</param>
    public void Cancel(string marker)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(marker);
        if (marker.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ' ' or '/' or '*' or ':')))
        {
            throw new ArgumentException("The marker holds characters that need quoting.", nameof(marker));
        }

        var kill = Encoding.UTF8.GetBytes($"KILL QUERY WHERE startsWith(query, '{marker}') ASYNC FORMAT Null");
        lock (_controlGate)
        {
            if (_control is { } control)
            {
                control.Execute(kill, DefaultFormat, parameters: null);
            }
        }
    }

    /// <inheritdoc cref="QueryAsync(ReadOnlyMemory{byte}, string, string?, IReadOnlyList{KeyValuePair{string, string}}?, CancellationToken)"/>
    public Task<ChDbResult> QueryAsync(
        string sql,
        string format = DefaultFormat,
        string? database = null,
        IReadOnlyList<KeyValuePair<string, string>>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        return QueryAsync(Encoding.UTF8.GetBytes(sql), format, database, parameters, cancellationToken);
    }

    /// <summary>
    /// Ends one user's hold (see <see cref="Open"/>); the last closes the pool's connections (those
    /// in use close when their statement ends) and the engine stops with the last one. The process
    /// may then open an engine again.
    /// </summary>
    public void Dispose()
    {
        lock (OpenGate)
        {
            lock (_poolGate)
            {
                if (_disposed || --_users > 0)
                {
                    return;
                }

                _disposed = true;
                while (_idle.TryPop(out var session))
                {
                    session.Dispose();
                }
            }

            lock (_controlGate)
            {
                _control?.Dispose();
                _control = null;
            }

            if (ReferenceEquals(s_shared, this))
            {
                s_shared = null;
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="query"/> on <paramref name="session"/>. An INSERT with inline data (any
    /// format but Values) goes through a file: chDB would end inline data at the first empty line
    /// and drop the rest silently (see <see cref="ChDbInlineInsert"/>).
    /// </summary>
    private ChDbResult Execute(ChDbSession session, ReadOnlySpan<byte> query, string format, IReadOnlyList<KeyValuePair<string, string>>? parameters)
    {
        if (!ChDbInlineInsert.TryParse(query, out var insert))
        {
            return session.Execute(query, format, parameters);
        }

        // ClickHouse's own tmp directory; a file left by a crash is removed at its next start ("tmp" prefix).
        var directory = Path.Combine(DataDirectory, "tmp");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "tmp-govpulse-insert-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0))
            {
                file.Write(insert.Data);
            }

            return session.Execute(insert.WithInfile(path), format, parameters);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private ChDbSession Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _slots.Wait();
        try
        {
            return TakeIdleOrConnect();
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    /// <summary>A connection for the caller, waiting asynchronously for a free slot.</summary>
    private async Task<ChDbSession> RentAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return TakeIdleOrConnect();
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    private ChDbSession TakeIdleOrConnect()
    {
        lock (_poolGate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryPop(out var idle))
            {
                return idle;
            }
        }

        return ChDbSession.Connect(DataDirectory, _configFile);
    }

    internal void Return(ChDbSession session)
    {
        var keep = false;
        lock (_poolGate)
        {
            if (!_disposed && !session.IsTainted)
            {
                _idle.Push(session);
                keep = true;
            }
        }

        if (!keep)
        {
            session.Dispose();
        }

        _slots.Release();
    }
}
