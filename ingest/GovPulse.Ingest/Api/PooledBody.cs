using System.Buffers;

namespace GovPulse.Ingest.Api;

/// <summary>
/// A request body read into a buffer rented from <see cref="ArrayPool{T}.Shared"/>, returned on
/// dispose. A batch of 5,000 events is about 2 MB: read into a growing <see cref="MemoryStream"/>
/// and copied out, every request left several large-object-heap arrays behind, and those are
/// only collected by full collections of the whole heap (the unit ledgers included).
/// </summary>
internal sealed class PooledBody : IDisposable
{
    private byte[]? _buffer;

    private PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    /// <param name="declaredLength">The request's Content-Length, when it has one: the buffer is rented at that size.</param>
    public static async Task<PooledBody?> ReadAsync(Stream body, long? declaredLength, long limit, CancellationToken cancellationToken)
    {
        var pool = ArrayPool<byte>.Shared;
        var buffer = pool.Rent((int)Math.Clamp((declaredLength ?? 0) + 1, 4096, Math.Min(limit + 1, Array.MaxLength)));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > limit)
                    {
                        pool.Return(buffer);
                        return null;
                    }

                    var larger = pool.Rent((int)Math.Min((long)buffer.Length * 2, Math.Min(limit + 1, Array.MaxLength)));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    pool.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }
        }
        catch
        {
            pool.Return(buffer);
            throw;
        }

        if (length > limit)
        {
            pool.Return(buffer);
            return null;
        }

        return new PooledBody(buffer, length);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
