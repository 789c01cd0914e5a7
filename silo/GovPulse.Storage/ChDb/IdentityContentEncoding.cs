using ClickHouse.Driver.Compression;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// Insert bodies sent as they are (<c>Content-Encoding: identity</c>). ClickHouse.Driver compresses
/// every <c>InsertBinaryAsync</c> body with zstd whatever the connection string says; to the
/// embedded endpoint on the same machine that is a compress and a decompress of every row for
/// nothing (about 4% of the node's CPU during a backfill). Only for <see cref="ClickHouseHttpEndpoint"/>,
/// which reads <c>identity</c>; a server keeps the driver's default.
/// </summary>
public sealed class IdentityContentEncoding : IClickHouseCompressor
{
    public static IdentityContentEncoding Instance { get; } = new();

    private IdentityContentEncoding()
    {
    }

    public string ContentEncoding => "identity";

    /// <summary>ClickHouse's block method byte for "none" (used only by the native protocol's framing).</summary>
    public byte MethodByte => 0x02;

    public Stream Compress(Stream destination, bool leaveOpen) => leaveOpen ? new KeptOpen(destination) : destination;

    public Stream Decompress(Stream source, bool leaveOpen) => leaveOpen ? new KeptOpen(source) : source;

    public int MaxEncodedLength(int sourceLength) => sourceLength;

    public int Encode(ReadOnlySpan<byte> source, Span<byte> target)
    {
        source.CopyTo(target);
        return source.Length;
    }

    public int Decode(ReadOnlySpan<byte> source, Span<byte> target)
    {
        source.CopyTo(target);
        return source.Length;
    }

    /// <summary>The stream itself, except that disposing it leaves the stream open.</summary>
    private sealed class KeptOpen(Stream inner) : Stream
    {
        public override bool CanRead => inner.CanRead;

        public override bool CanSeek => false;

        public override bool CanWrite => inner.CanWrite;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
