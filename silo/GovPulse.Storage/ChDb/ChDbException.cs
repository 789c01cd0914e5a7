using System.Globalization;
using System.Text.RegularExpressions;

namespace GovPulse.Storage.ChDb;

/// <summary>
/// A query failed inside the embedded ClickHouse engine. <see cref="Exception.Message"/> is
/// ClickHouse's own text (<c>Code: 62. DB::Exception: Syntax error: ... (SYNTAX_ERROR)</c>).
/// </summary>
public sealed partial class ChDbException : Exception
{
    public ChDbException()
        : this("The embedded ClickHouse engine reported an error.")
    {
    }

    public ChDbException(string message)
        : this(message, innerException: null)
    {
    }

    public ChDbException(string message, Exception? innerException)
        : base(message, innerException)
    {
        var code = CodePattern().Match(message);
        Code = code.Success && int.TryParse(code.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var names = ErrorNamePattern().Matches(message);
        ErrorName = names.Count > 0 ? names[^1].Groups[1].Value : null;
    }

    /// <summary>ClickHouse's error code (e.g. 62 for SYNTAX_ERROR, 60 for UNKNOWN_TABLE); 0 if the message carried none.</summary>
    public int Code { get; }

    /// <summary>ClickHouse's error name when the message carries it (e.g. <c>SYNTAX_ERROR</c>), else null.</summary>
    public string? ErrorName { get; }

    [GeneratedRegex(@"^\s*Code:\s*(\d+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\(([A-Z][A-Z0-9_]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ErrorNamePattern();
}
