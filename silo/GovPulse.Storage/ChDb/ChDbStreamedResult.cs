namespace GovPulse.Storage.ChDb;

/// <summary>
/// A statement whose output the engine hands over in chunks (about 1 MB each) as it produces them,
/// so a large result never sits whole in memory. Holds one pooled connection until disposed.
/// </summary>
/// <remarks>
/// Read it with <see cref="MoveNextAsync"/> and <see cref="Current"/>, one caller at a time. A fetch
/// that is under way cannot be interrupted by chDB's own cancel call (it waits for the fetch); to
/// stop a long fetch, <see cref="ChDbEngine.Cancel"/> kills the statement by its marker, and the
/// fetch then fails with QUERY_WAS_CANCELLED.
/// </remarks>
public sealed class ChDbStreamedResult : IAsyncDisposable
{
    private readonly ChDbEngine _engine;
    private readonly ChDbSession _session;
    private readonly ChDbResultHandle _stream;
    private ChDbResultHandle? _chunk;
    private bool _ended;
    private bool _killed;
    private int _disposed;

    internal ChDbStreamedResult(ChDbEngine engine, ChDbSession session, ChDbResultHandle stream)
    {
        _engine = engine;
        _session = session;
        _stream = stream;
    }

    /// <summary>The current chunk's bytes; valid until the next <see cref="MoveNextAsync"/> or dispose.</summary>
    public unsafe ReadOnlySpan<byte> Current
    {
        get
        {
            if (_chunk is null)
            {
                return [];
            }

            var length = ChDbNative.ResultLength(_chunk);
            var buffer = ChDbNative.ResultBuffer(_chunk);
            return length == 0 || buffer is null ? [] : new ReadOnlySpan<byte>(buffer, checked((int)length));
        }
    }

    /// <summary>Rows the engine has read so far.</summary>
    public ulong RowsRead { get; private set; }

    /// <summary>Bytes the engine has read so far.</summary>
    public ulong BytesRead { get; private set; }

    /// <summary>Waits for the next chunk; false when the output is complete. Throws <see cref="ChDbException"/> when the statement fails.</summary>
    public async ValueTask<bool> MoveNextAsync()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _chunk?.Dispose();
        _chunk = null;
        if (_ended)
        {
            return false;
        }

        ChDbResultHandle chunk;
        try
        {
            chunk = await Task.Run(() => _session.FetchChunk(_stream)).ConfigureAwait(false);
        }
        catch (ChDbException ex)
        {
            _ended = true; // a failed fetch ends the stream on the engine's side
            _killed = ex.Code == ChDbSession.QueryWasCancelled;
            throw;
        }

        var rowsRead = ChDbNative.ResultRowsRead(chunk);
        RowsRead += rowsRead;
        BytesRead += ChDbNative.ResultBytesRead(chunk);

        // chDB ends the stream on its side with the first fetch that processed no rows: that chunk
        // may still carry output (a format's header or footer), and no fetch may follow it.
        _ended = rowsRead == 0;
        if (ChDbNative.ResultLength(chunk) == 0)
        {
            chunk.Dispose();
            return !_ended && await MoveNextAsync().ConfigureAwait(false);
        }

        _chunk = chunk;
        return true;
    }

    /// <summary>Ends the statement if it is still running and gives the connection back to the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _chunk?.Dispose();
        _chunk = null;
        try
        {
            if (!_ended)
            {
                await Task.Run(() => _session.EndStream(_stream)).ConfigureAwait(false);
            }
        }
        finally
        {
            _stream.Dispose();
            if (_killed)
            {
                await Task.Run(_session.ForgetCancelled).ConfigureAwait(false);
            }

            _engine.Return(_session);
        }
    }
}
