using System.Text.Json;

namespace GovPulse.Ingest.Wire;

/// <summary>
/// An offending value as a rejection message shows it: a string in single quotes, anything else as
/// its JSON text; cut after <see cref="MaxLength"/> characters so a huge value cannot flood the answer.
/// </summary>
internal static class ShownValue
{
    public const int MaxLength = 64;

    public static string Of(JsonElement v) => v.ValueKind == JsonValueKind.String ? Quoted(v.GetString()!) : Cut(v.GetRawText());

    public static string Quoted(string s) => $"'{Cut(s)}'";

    private static string Cut(string s)
    {
        if (s.Length <= MaxLength)
        {
            return s;
        }

        var end = char.IsHighSurrogate(s[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        return string.Concat(s.AsSpan(0, end), "…");
    }
}
