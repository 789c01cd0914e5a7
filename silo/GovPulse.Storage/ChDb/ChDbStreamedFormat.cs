using System.Collections.Frozen;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// The output formats whose output can be streamed chunk by chunk, and the header chDB repeats at
/// the start of every chunk of some of them.
/// </summary>
/// <remarks>
/// chDB's streaming API formats each chunk on its own: a format with a header (<c>...WithNames</c>,
/// <c>...WithNamesAndTypes</c>) starts every chunk with it again, and a format with a prefix or
/// suffix (<c>JSON</c>, <c>XML</c>, <c>Pretty</c>, <c>Parquet</c>...) would be cut into several
/// documents. So only formats that are a plain sequence of rows stream, and a repeated header is
/// removed from every chunk after the first (after checking it is the same bytes); any other format
/// is answered whole.
/// </remarks>
internal static class ChDbStreamedFormat
{
    /// <summary>How a streamable format's header is made.</summary>
    public enum Header
    {
        None,
        OneLine,
        TwoLines,
        BinaryNames,
        BinaryNamesAndTypes,
    }

    private static readonly FrozenDictionary<string, Header> Streamable = new Dictionary<string, Header>(StringComparer.OrdinalIgnoreCase)
    {
        ["TabSeparated"] = Header.None,
        ["TSV"] = Header.None,
        ["TabSeparatedRaw"] = Header.None,
        ["TSVRaw"] = Header.None,
        ["CSV"] = Header.None,
        ["RowBinary"] = Header.None,
        ["JSONEachRow"] = Header.None,
        ["JSONLines"] = Header.None,
        ["NDJSON"] = Header.None,
        ["JSONStringsEachRow"] = Header.None,
        ["JSONCompactEachRow"] = Header.None,
        ["JSONCompactStringsEachRow"] = Header.None,
        ["LineAsString"] = Header.None,
        ["Native"] = Header.None,
        ["TabSeparatedWithNames"] = Header.OneLine,
        ["TSVWithNames"] = Header.OneLine,
        ["CSVWithNames"] = Header.OneLine,
        ["JSONCompactEachRowWithNames"] = Header.OneLine,
        ["TabSeparatedWithNamesAndTypes"] = Header.TwoLines,
        ["TSVWithNamesAndTypes"] = Header.TwoLines,
        ["CSVWithNamesAndTypes"] = Header.TwoLines,
        ["JSONCompactEachRowWithNamesAndTypes"] = Header.TwoLines,
        ["RowBinaryWithNames"] = Header.BinaryNames,
        ["RowBinaryWithNamesAndTypes"] = Header.BinaryNamesAndTypes,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when output in <paramref name="format"/> can be streamed; <paramref name="header"/> says what each chunk starts with.</summary>
    public static bool CanStream(string format, out Header header) => Streamable.TryGetValue(format, out header);

    /// <summary>The length of the header at the start of <paramref name="chunk"/>, or -1 when it is not whole there.</summary>
    public static int HeaderLength(ReadOnlySpan<byte> chunk, Header header)
    {
        switch (header)
        {
            case Header.None:
                return 0;
            case Header.OneLine:
            case Header.TwoLines:
                var first = chunk.IndexOf((byte)'\n');
                if (first < 0 || header == Header.OneLine)
                {
                    return first < 0 ? -1 : first + 1;
                }

                var second = chunk[(first + 1)..].IndexOf((byte)'\n');
                return second < 0 ? -1 : first + 1 + second + 1;
            default:
                var at = 0;
                if (!TryReadVarUInt(chunk, ref at, out var columns))
                {
                    return -1;
                }

                var strings = header == Header.BinaryNamesAndTypes ? columns * 2 : columns;
                for (ulong i = 0; i < strings; i++)
                {
                    if (!TryReadVarUInt(chunk, ref at, out var length) || length > (ulong)(chunk.Length - at))
                    {
                        return -1;
                    }

                    at += (int)length;
                }

                return at;
        }
    }

    private static bool TryReadVarUInt(ReadOnlySpan<byte> data, ref int at, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && at < data.Length; shift += 7)
        {
            var b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
