using System.IO.Hashing;
using System.Text;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// The 32-bit keys of a sealed month's membership filter: the high half of XxHash64 of the UTF-8 of
/// "d:" + a dossier id or "p:" + a petition id. Deterministic, 4 bytes a subject (the filters are what
/// sealed months keep in memory for good: 8-byte keys grew a node ~35 MB a year for the city). Two ids
/// sharing a key only cost a reopen: an unknown id meets one of a month's n keys with a chance of
/// n / 2³², one in ~200,000 for a busy commune's month of 20,000 subjects.
/// </summary>
internal static class SubjectKey
{
    public static uint Dossier(string id) => Of("d:", id);

    public static uint Petition(string id) => Of("p:", id);

    private static uint Of(string prefix, string id)
    {
        var length = Encoding.UTF8.GetMaxByteCount(prefix.Length + id.Length);
        Span<byte> buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(prefix, buffer);
        written += Encoding.UTF8.GetBytes(id, buffer[written..]);
        return (uint)(XxHash64.HashToUInt64(buffer[..written]) >> 32);
    }
}
