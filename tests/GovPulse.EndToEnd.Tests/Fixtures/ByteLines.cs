using System.Text;

namespace GovPulse.EndToEnd.Tests.Fixtures;

/// <summary>Puts raw bytes (invalid UTF-8 included) in place of a piece of a UTF-8 line.</summary>
public static class ByteLines
{
    /// <summary>The bytes with the first occurrence of <paramref name="piece"/> replaced by <paramref name="bytes"/>.</summary>
    public static byte[] Replace(this byte[] line, string piece, byte[] bytes)
    {
        var marker = Encoding.UTF8.GetBytes(piece);
        var at = line.AsSpan().IndexOf(marker);
        if (at < 0)
        {
            throw new ArgumentException($"'{piece}' is not in the line", nameof(piece));
        }

        return [.. line.AsSpan(0, at), .. bytes, .. line.AsSpan(at + marker.Length)];
    }

    /// <summary>The bytes with the first occurrence of <paramref name="piece"/> replaced by <paramref name="text"/> as UTF-8.</summary>
    public static byte[] Replace(this byte[] line, string piece, string text) => line.Replace(piece, Encoding.UTF8.GetBytes(text));
}
