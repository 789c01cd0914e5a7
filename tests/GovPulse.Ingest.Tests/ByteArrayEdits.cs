using System.Text;

namespace GovPulse.Ingest.Tests;

/// <summary>Puts raw bytes (invalid UTF-8 included) where a placeholder stands in a UTF-8 line.</summary>
internal static class ByteArrayEdits
{
    /// <summary>The bytes with the first <paramref name="placeholder"/> replaced by <paramref name="bytes"/>.</summary>
    public static byte[] Replace(this byte[] line, string placeholder, byte[] bytes)
    {
        var marker = Encoding.UTF8.GetBytes(placeholder);
        var at = line.AsSpan().IndexOf(marker);
        if (at < 0)
        {
            throw new ArgumentException($"'{placeholder}' is not in the line", nameof(placeholder));
        }

        return [.. line.AsSpan(0, at), .. bytes, .. line.AsSpan(at + marker.Length)];
    }

    /// <summary>The bytes with the first <paramref name="placeholder"/> replaced by <paramref name="text"/> written as UTF-8 (JSON escapes as they are).</summary>
    public static byte[] Replace(this byte[] line, string placeholder, string text) => line.Replace(placeholder, Encoding.UTF8.GetBytes(text));
}
