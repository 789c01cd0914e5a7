using System.Buffers;
using System.Security.Cryptography;

namespace GovPulse.Security.Audit;

/// <summary>
/// The response body of an audited request: counts and hashes (SHA-256) every byte as it streams
/// through, and holds back the last <see cref="HoldBack"/> bytes until <see cref="ReleaseAsync"/>. So
/// no answer reaches the client whole before its audit entry is stored: when that fails, a small
/// answer was never started (and can be replaced by a 503) and a large one can be cut off. The whole
/// body is never buffered.
/// </summary>
public sealed class AuditedResponseStream(Stream inner) : Stream
{
    public const int HoldBack = 16 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[]? _held = ArrayPool<byte>.Shared.Rent(HoldBack);
    private int _heldCount;
    private bool _unflushed;

    /// <summary>Bytes written so far, held back ones included.</summary>
    public long Written { get; private set; }

    /// <summary>Bytes passed on to the client's stream so far.</summary>
    public long Sent { get; private set; }

    /// <summary>SHA-256 of every byte written so far, lower-case hex.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var held = Take(buffer.Span);
        if (held.Send > 0)
        {
            await inner.WriteAsync(_held.AsMemory(0, held.Send), cancellationToken);
            Sent += held.Send;
            _unflushed = true;
        }

        if (held.Direct > 0)
        {
            await inner.WriteAsync(buffer[..held.Direct], cancellationToken);
            Sent += held.Direct;
            _unflushed = true;
        }

        Keep(buffer.Span[held.Direct..]);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        var data = buffer.AsSpan(offset, count);
        var held = Take(data);
        if (held.Send > 0)
        {
            inner.Write(_held!, 0, held.Send);
            Sent += held.Send;
            _unflushed = true;
        }

        if (held.Direct > 0)
        {
            inner.Write(data[..held.Direct]);
            Sent += held.Direct;
            _unflushed = true;
        }

        Keep(data[held.Direct..]);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Flushes what was passed on; held bytes stay held (a flush before anything was passed on does not start the answer).</summary>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_unflushed)
        {
            _unflushed = false;
            await inner.FlushAsync(cancellationToken);
        }
    }

    public override void Flush()
    {
        if (_unflushed)
        {
            _unflushed = false;
            inner.Flush();
        }
    }

    /// <summary>Passes the held bytes on and flushes: the client gets the rest of the answer.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (_heldCount > 0)
        {
            await inner.WriteAsync(_held.AsMemory(0, _heldCount), cancellationToken);
            Sent += _heldCount;
            _heldCount = 0;
        }

        _unflushed = false;
        await inner.FlushAsync(cancellationToken);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _held is not null)
        {
            ArrayPool<byte>.Shared.Return(_held);
            _held = null;
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Hashes <paramref name="data"/> and says what to pass on before keeping its tail: the first
    /// <c>Send</c> held bytes, then the first <c>Direct</c> bytes of <paramref name="data"/>.
    /// </summary>
    private (int Send, int Direct) Take(ReadOnlySpan<byte> data)
    {
        ObjectDisposedException.ThrowIf(_held is null, this);
        _hash.AppendData(data);
        Written += data.Length;
        if (_heldCount + data.Length <= HoldBack)
        {
            return (0, 0);
        }

        // Everything held goes, and of the new bytes all but the last HoldBack.
        var send = _heldCount;
        _heldCount = 0;
        return (send, Math.Max(0, data.Length - HoldBack));
    }

    private void Keep(ReadOnlySpan<byte> tail)
    {
        tail.CopyTo(_held.AsSpan(_heldCount));
        _heldCount += tail.Length;
    }
}
