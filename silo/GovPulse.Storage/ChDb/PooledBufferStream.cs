using System.Buffers;
using System.Text;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// A write-only stream into buffers rented from <see cref="ArrayPool{T}.Shared"/>, returned on
/// dispose. The endpoint reads every request body (an insert of thousands of rows is megabytes)
/// into one: a <see cref="MemoryStream"/> of that size is a new large-object-heap array per
/// request, which only a full collection of the node's heap frees.
/// </summary>
internal sealed class PooledBufferStream : Stream
{
    private readonly long _maxLength;
    private byte[] _buffer;
    private int _length;

    /// <param name="capacity">The size to start with.</param>
    /// <param name="maxLength">The most bytes it takes: writing past it throws <see cref="InvalidDataException"/> (a decompressed body can be far larger than the one sent).</param>
    public PooledBufferStream(int capacity, long maxLength = int.MaxValue)
    {
        _maxLength = Math.Min(maxLength, Array.MaxLength);
        _buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(capacity, 256, Math.Max(256, _maxLength)));
    }

    /// <summary>What was written, valid until the stream is disposed.</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>Drops what was written after the first <paramref name="value"/> bytes.</summary>
    public override void SetLength(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, _length);
        _length = (int)value;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Reserve(buffer.Length);
        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without an intermediate array (a query's URL text can be hundreds of KB).</summary>
    public void WriteUtf8(string text)
    {
        var bytes = Encoding.UTF8.GetByteCount(text);
        Reserve(bytes);
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override void Flush()
    {
    }

    private void Reserve(int count)
    {
        var needed = (long)_length + count;
        if (needed > _maxLength)
        {
            throw new InvalidDataException($"The request is larger than the {_maxLength} bytes this endpoint accepts.");
        }

        if (needed > _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(needed, (long)_buffer.Length * 2), _maxLength));
            _buffer.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }

        base.Dispose(disposing);
    }
}
