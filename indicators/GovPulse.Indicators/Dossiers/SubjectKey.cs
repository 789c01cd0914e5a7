using System.IO.Hashing;
using System.Text;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// The 64-bit keys of a sealed month's membership filter: XxHash64 of the UTF-8 of "d:" + a dossier id
/// or "p:" + a petition id. Deterministic, 8 bytes a subject; two ids sharing a key only cost a reopen.
/// Not fewer bits: every new receipt is looked up in every sealed month of its unit, so a unit's false
/// matches grow with all its months' keys (n / 2^bits a receipt). With 32-bit keys a busy unit's
/// receipts reopened whole months from the log, and the city's year fell from ~51,000 to ~39,000
/// events/s with a near-stall (docs/benchmarks.md, "Eighth pass").
/// </summary>
internal static class SubjectKey
{
    public static ulong Dossier(string id) => Of("d:", id);

    public static ulong Petition(string id) => Of("p:", id);

    private static ulong Of(string prefix, string id)
    {
        var length = Encoding.UTF8.GetMaxByteCount(prefix.Length + id.Length);
        Span<byte> buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(prefix, buffer);
        written += Encoding.UTF8.GetBytes(id, buffer[written..]);
        return XxHash64.HashToUInt64(buffer[..written]);
    }
}
