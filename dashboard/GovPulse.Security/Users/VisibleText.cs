using System.Globalization;
using GovPulse.Storage.Logging;

namespace GovPulse.Security.Users;

/// <summary>
/// Names that people and keys are shown and logged by (a display name, a key's name) are visible
/// text: valid Unicode with no control characters, no format characters (bidirectional overrides,
/// zero-width characters) and no line or paragraph separators — a name that prints differently from
/// what it is can pass for someone else's, or break a log line.
/// </summary>
public static class VisibleText
{
    /// <summary>What is wrong with <paramref name="value"/> as field <paramref name="field"/>, or null when it is visible text.</summary>
    public static string? ProblemWith(string field, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (HasLoneSurrogate(value))
        {
            return $"{field} is not valid Unicode (it has a lone surrogate)";
        }

        var position = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            position++;
            if (LogText.MustEscape(rune)) // what a log would have to escape is what a name may not hold
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{field} contains an invisible or control character (U+{rune.Value:X4}) at position {position}; use visible text");
            }
        }

        return null;
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
