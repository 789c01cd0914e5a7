using System.Collections.Concurrent;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// One string per procedure code for all the dossiers of the process: a node holds hundreds of
/// thousands of live receipts but only a few hundred codes, and each event read from JSON brings its own
/// copy. Bounded, so a flood of made-up codes cannot grow it without end (past the bound a code is kept as told).
/// </summary>
internal static class SharedProcedureCodes
{
    private const int Bound = 65_536;

    private static readonly ConcurrentDictionary<string, string> Codes = new(StringComparer.Ordinal);

    public static string Of(string code)
    {
        if (Codes.TryGetValue(code, out var shared))
        {
            return shared;
        }

        return Codes.Count < Bound ? Codes.GetOrAdd(code, code) : code;
    }
}
