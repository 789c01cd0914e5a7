using System.Runtime.InteropServices;
using System.Text;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// One connection of <see cref="ChDbEngine"/>'s pool. A chDB connection runs one statement at a
/// time, so a session is used by one caller at a time; it remembers its current database so it
/// only issues <c>USE</c> when a caller asks for a different one.
/// </summary>
internal sealed unsafe class ChDbSession : IDisposable
{
    private static readonly Lock ConnectGate = new();

    private readonly ChDbConnectionHandle _handle;

    private ChDbSession(ChDbConnectionHandle handle)
    {
        _handle = handle;
    }

    /// <summary>The database the connection is in, or null when unknown (a fresh connection, or one that ran a USE of its own).</summary>
    public string? CurrentDatabase { get; private set; }

    /// <summary>Set when the session ran a statement that leaves session state behind (SET, a temporary table): it must not be reused.</summary>
    public bool IsTainted { get; private set; }

    /// <summary>Opens a connection; the first of the process boots the engine with <paramref name="configFile"/> (later ones share it).</summary>
    public static ChDbSession Connect(string dataDirectory, string configFile)
    {
        string[] arguments = ["clickhouse", "--path=" + dataDirectory, "--config-file=" + configFile];
        var encoded = arguments.Select(a => Encoding.UTF8.GetBytes(a + "\0")).ToArray();
        var handles = encoded.Select(a => GCHandle.Alloc(a, GCHandleType.Pinned)).ToArray();
        try
        {
            var argv = stackalloc byte*[encoded.Length];
            for (var i = 0; i < handles.Length; i++)
            {
                argv[i] = (byte*)handles[i].AddrOfPinnedObject();
            }

            ChDbConnectionHandle handle;
            lock (ConnectGate)
            {
                var signals = HostSignalHandlers.Capture();
                try
                {
                    handle = ChDbNative.Connect(encoded.Length, argv);
                }
                finally
                {
                    signals.Restore();
                }
            }

            if (handle.IsInvalid)
            {
                handle.Dispose();
                throw new ChDbException(
                    $"The embedded ClickHouse engine could not open a connection on '{dataDirectory}' (chDB printed the reason on stderr). " +
                    "Usually another process holds the directory (ClickHouse locks its 'status' file), or the directory is not writable.");
            }

            return new ChDbSession(handle);
        }
        finally
        {
            foreach (var h in handles)
            {
                h.Free();
            }
        }
    }

    /// <summary>Switches to <paramref name="database"/> unless the connection is already there.</summary>
    public void UseDatabase(string database)
    {
        if (string.Equals(CurrentDatabase, database, StringComparison.Ordinal))
        {
            return;
        }

        CurrentDatabase = null;
        var sql = "USE `" + database.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "`";
        Execute(Encoding.UTF8.GetBytes(sql), "TabSeparated", parameters: null);
        CurrentDatabase = database;
    }

    /// <summary>Runs one statement and copies its output; throws <see cref="ChDbException"/> on an engine error.</summary>
    public ChDbResult Execute(ReadOnlySpan<byte> query, string format, IReadOnlyList<KeyValuePair<string, string>>? parameters)
    {
        if (query.IsEmpty)
        {
            throw new ArgumentException("The query is empty.", nameof(query));
        }

        var sessionEffect = ChDbStatement.SessionEffectOf(query);
        if (sessionEffect == ChDbSessionEffect.ChangesDatabase)
        {
            CurrentDatabase = null;
        }
        else if (sessionEffect == ChDbSessionEffect.ChangesSessionState)
        {
            IsTainted = true;
        }

        var formatBytes = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(format) ? "TabSeparated" : format);
        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            var connection = _handle.DangerousGetConnection();
            ChDbResultHandle result;
            fixed (byte* q = query)
            fixed (byte* f = formatBytes)
            {
                if (parameters is null || parameters.Count == 0)
                {
                    result = ChDbNative.Query(connection, q, (nuint)query.Length, f, (nuint)formatBytes.Length);
                }
                else
                {
                    result = ExecuteWithParameters(connection, q, (nuint)query.Length, f, (nuint)formatBytes.Length, parameters);
                }
            }

            using (result)
            {
                try
                {
                    return ReadResult(result);
                }
                catch (ChDbException ex) when (ex.Code == QueryWasCancelled)
                {
                    result.Dispose();
                    ForgetCancelled();
                    throw;
                }
            }
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="query"/> as a streaming query: its output comes in chunks from
    /// <see cref="FetchChunk"/>. The connection runs nothing else until the stream ends or <see cref="EndStream"/>.
    /// </summary>
    public ChDbResultHandle StartStream(ReadOnlySpan<byte> query, string format, IReadOnlyList<KeyValuePair<string, string>>? parameters)
    {
        if (ChDbStatement.SessionEffectOf(query) != ChDbSessionEffect.None)
        {
            IsTainted = true;
            CurrentDatabase = null;
        }

        var formatBytes = Encoding.UTF8.GetBytes(string.IsNullOrEmpty(format) ? "TabSeparated" : format);
        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            var connection = _handle.DangerousGetConnection();
            ChDbResultHandle stream;
            fixed (byte* q = query)
            fixed (byte* f = formatBytes)
            {
                stream = parameters is null || parameters.Count == 0
                    ? ChDbNative.StreamQuery(connection, q, (nuint)query.Length, f, (nuint)formatBytes.Length)
                    : ExecuteWithParameters(connection, q, (nuint)query.Length, f, (nuint)formatBytes.Length, parameters, streaming: true);
            }

            ThrowIfFailed(stream);
            return stream;
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <summary>The stream's next chunk (the caller disposes it); a chunk of length 0 ends the stream. Throws on an engine error.</summary>
    public ChDbResultHandle FetchChunk(ChDbResultHandle stream)
    {
        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            var chunk = ChDbNative.StreamFetch(_handle.DangerousGetConnection(), stream);
            try
            {
                ThrowIfFailed(chunk);
            }
            catch
            {
                chunk.Dispose();
                throw;
            }

            return chunk;
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <summary>Ends a stream that was not read to its end, so the connection can run the next statement.</summary>
    public void EndStream(ChDbResultHandle stream)
    {
        var added = false;
        _handle.DangerousAddRef(ref added);
        try
        {
            ChDbNative.StreamCancel(_handle.DangerousGetConnection(), stream);
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>ClickHouse's QUERY_WAS_CANCELLED: the statement was killed (<see cref="ChDbEngine.Cancel"/>).</summary>
    public const int QueryWasCancelled = 394;

    /// <summary>
    /// chDB leaves a killed statement in <c>system.processes</c> until its connection runs the next
    /// one; runs a trivial one so that the list (and whoever watches it) sees the statement gone.
    /// </summary>
    public void ForgetCancelled()
    {
        try
        {
            Execute("SELECT 1 FORMAT Null"u8, "TabSeparated", parameters: null);
        }
        catch (ChDbException)
        {
            // The connection is still usable for the next caller, who will see its own error if not.
        }
    }

    private static void ThrowIfFailed(ChDbResultHandle result)
    {
        if (result.IsInvalid)
        {
            throw new ChDbException("The embedded ClickHouse engine returned no result (the connection may be closed).");
        }

        var error = ChDbNative.ResultError(result);
        if (error is not null)
        {
            var message = Marshal.PtrToStringUTF8((nint)error);
            if (!string.IsNullOrEmpty(message))
            {
                throw new ChDbException(message.TrimEnd());
            }
        }
    }

    private static ChDbResultHandle ExecuteWithParameters(
        nint connection,
        byte* query,
        nuint queryLength,
        byte* format,
        nuint formatLength,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        bool streaming = false)
    {
        var count = parameters.Count;
        var buffers = new byte[count * 2][];
        for (var i = 0; i < count; i++)
        {
            buffers[2 * i] = Encoding.UTF8.GetBytes(parameters[i].Key);
            buffers[(2 * i) + 1] = Encoding.UTF8.GetBytes(parameters[i].Value ?? string.Empty);
        }

        var pins = new GCHandle[buffers.Length];
        var names = new nint[count];
        var values = new nint[count];
        var nameLengths = new nuint[count];
        var valueLengths = new nuint[count];
        try
        {
            for (var i = 0; i < buffers.Length; i++)
            {
                pins[i] = GCHandle.Alloc(buffers[i], GCHandleType.Pinned);
            }

            for (var i = 0; i < count; i++)
            {
                names[i] = pins[2 * i].AddrOfPinnedObject();
                nameLengths[i] = (nuint)buffers[2 * i].Length;
                values[i] = pins[(2 * i) + 1].AddrOfPinnedObject();
                valueLengths[i] = (nuint)buffers[(2 * i) + 1].Length;
            }

            fixed (nint* n = names)
            fixed (nint* v = values)
            fixed (nuint* nl = nameLengths)
            fixed (nuint* vl = valueLengths)
            {
                return streaming
                    ? ChDbNative.StreamQueryWithParameters(connection, query, queryLength, format, formatLength, (byte**)n, nl, (byte**)v, vl, (nuint)count)
                    : ChDbNative.QueryWithParameters(connection, query, queryLength, format, formatLength, (byte**)n, nl, (byte**)v, vl, (nuint)count);
            }
        }
        finally
        {
            foreach (var pin in pins)
            {
                if (pin.IsAllocated)
                {
                    pin.Free();
                }
            }
        }
    }

    private static ChDbResult ReadResult(ChDbResultHandle result)
    {
        ThrowIfFailed(result);

        var length = ChDbNative.ResultLength(result);
        var buffer = ChDbNative.ResultBuffer(result);
        var data = length == 0 || buffer is null
            ? []
            : new ReadOnlySpan<byte>(buffer, checked((int)length)).ToArray();

        return new ChDbResult(
            data,
            ChDbNative.ResultRowsRead(result),
            ChDbNative.ResultBytesRead(result),
            ChDbNative.ResultStorageRowsRead(result),
            ChDbNative.ResultStorageBytesRead(result),
            ChDbNative.ResultRowsWritten(result),
            ChDbNative.ResultBytesWritten(result),
            TimeSpan.FromSeconds(ChDbNative.ResultElapsedSeconds(result)));
    }
}
