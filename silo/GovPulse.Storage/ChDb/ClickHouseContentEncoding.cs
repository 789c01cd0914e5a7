using System.IO.Compression;
using ClickHouse.Driver.Compression;
using ZstdSharp;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// Request-body decompression for the HTTP endpoint, as ClickHouse accepts it: <c>gzip</c>,
/// <c>deflate</c> (zlib-wrapped, or raw), <c>br</c>, <c>zstd</c> and <c>lz4</c> (frames).
/// </summary>
internal static class ClickHouseContentEncoding
{
    /// <summary>
    /// Copies <paramref name="body"/> into <paramref name="destination"/>, decoding it according
    /// to <paramref name="contentEncoding"/> (null, empty or <c>identity</c>: as is).
    /// </summary>
    /// <exception cref="NotSupportedException">An encoding ClickHouse would not accept either.</exception>
    public static async Task CopyDecodedAsync(Stream body, string? contentEncoding, Stream destination, CancellationToken cancellationToken)
    {
        var encodings = (contentEncoding ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(e => !e.Equals("identity", StringComparison.OrdinalIgnoreCase))
            .ToArray();

        switch (encodings.Length)
        {
            case 0:
                await body.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
                return;
            case 1:
                await using (var decoded = await OpenDecoderAsync(body, encodings[0], cancellationToken).ConfigureAwait(false))
                {
                    await decoded.CopyToAsync(destination, cancellationToken).ConfigureAwait(false);
                }

                return;
            default:
                throw new NotSupportedException($"Content-Encoding '{contentEncoding}' (several encodings) is not supported.");
        }
    }

    private static async Task<Stream> OpenDecoderAsync(Stream body, string encoding, CancellationToken cancellationToken)
    {
        switch (encoding.ToLowerInvariant())
        {
            case "gzip":
            case "x-gzip":
                return new GZipStream(body, CompressionMode.Decompress, leaveOpen: true);
            case "br":
                return new BrotliStream(body, CompressionMode.Decompress, leaveOpen: true);
            case "zstd":
                return new DecompressionStream(body, leaveOpen: true);
            case "lz4":
                // LZ4 frames, as ClickHouse.Driver's own Lz4Compressor writes them.
                return Lz4Compressor.Default.Decompress(body, leaveOpen: true);
            case "deflate":
                return await OpenDeflateAsync(body, cancellationToken).ConfigureAwait(false);
            default:
                throw new NotSupportedException($"Unknown HTTP Content-Encoding '{encoding}': use gzip, deflate, br, zstd or lz4.");
        }
    }

    /// <summary>HTTP's "deflate" is zlib-wrapped; some clients send raw deflate. Tell them apart by the zlib header.</summary>
    private static async Task<Stream> OpenDeflateAsync(Stream body, CancellationToken cancellationToken)
    {
        var header = new byte[2];
        var read = 0;
        while (read < header.Length)
        {
            var n = await body.ReadAsync(header.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        var isZlib = read == 2 && (header[0] & 0x0F) == 8 && ((header[0] << 8) | header[1]) % 31 == 0;
        var replay = new PrefixedStream(header.AsMemory(0, read), body);
        return isZlib
            ? new ZLibStream(replay, CompressionMode.Decompress, leaveOpen: false)
            : new DeflateStream(replay, CompressionMode.Decompress, leaveOpen: false);
    }

    /// <summary>A read-only stream that yields a few already-read bytes, then the rest of the inner stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (!_prefix.IsEmpty)
            {
                var n = Math.Min(buffer.Length, _prefix.Length);
                _prefix.Span[..n].CopyTo(buffer);
                _prefix = _prefix[n..];
                return n;
            }

            return inner.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_prefix.IsEmpty)
            {
                var n = Math.Min(buffer.Length, _prefix.Length);
                _prefix[..n].CopyTo(buffer);
                _prefix = _prefix[n..];
                return n;
            }

            return await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
