using System.Globalization;
using System.Text;

namespace GovPulse.Security.Users;

/// <summary>
/// Passwords too common to allow: the list in <c>common-passwords.txt</c> (embedded; where it comes from
/// is written at its top), compared without case or Vietnamese accents, also when digits, symbols or
/// look-alike characters are put around or into a listed word (<c>password1234</c>, <c>Matkhau@2026</c>,
/// <c>P@ssw0rd2026!</c>), when a listed word is repeated, and runs of digits (<c>123456789012</c>).
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>Entries on the list.</summary>
    public static int Count => List.Value.Count;

    public static bool IsCommon(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var folded = Fold(password);
        var compact = Compact(folded);
        if (List.Value.Contains(folded) || List.Value.Contains(compact) || IsDigitRun(compact) || IsRepeat(compact))
        {
            return true;
        }

        // The word inside the decoration: digits, symbols and spaces around it removed, look-alikes read as letters.
        var core = Compact(Unleet(folded.Trim(Decoration)));
        var bare = compact.Trim(Digits);
        return core.Length > 0 && (List.Value.Contains(core) || IsRepeat(core))
            || bare.Length > 0 && (List.Value.Contains(bare) || IsRepeat(bare))
            || bare.Length <= 3 && IsDigitRun(compact.Trim(Letters));
    }

    /// <summary>Lower case without accents (đ as d), so "Mật khẩu" is "mat khau".</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.ToLowerInvariant().Replace('đ', 'd').Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Letters and digits only.</summary>
    public static string Compact(string folded) => string.Concat((folded ?? string.Empty).Where(char.IsLetterOrDigit));

    private static readonly char[] Digits = "0123456789".ToCharArray();
    private static readonly char[] Letters = "abcdefghijklmnopqrstuvwxyz".ToCharArray();
    private static readonly char[] Decoration = "0123456789 !@#$%^&*()-_=+.,;:'\"?/\\|[]{}<>~`".ToCharArray();

    private static string Unleet(string s) => string.Create(s.Length, s, (span, source) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = source[i] switch
            {
                '@' or '4' => 'a',
                '0' => 'o',
                '1' or '!' => 'i',
                '3' => 'e',
                '$' or '5' => 's',
                '7' => 't',
                var c => c,
            };
        }
    });

    /// <summary>A short unit said again and again: "abcabcabcabc", "passwordpassword".</summary>
    private static bool IsRepeat(string s)
    {
        for (var unit = 1; unit <= s.Length / 2; unit++)
        {
            if (s.Length % unit == 0 && string.Concat(Enumerable.Repeat(s[..unit], s.Length / unit)) == s)
            {
                return unit <= 4 || List.Value.Contains(s[..unit]);
            }
        }

        return false;
    }

    /// <summary>Only digits, and a run up or down (1234567890…, 9876…) or a short group repeated (121212…).</summary>
    private static bool IsDigitRun(string s)
    {
        if (s.Length == 0 || !s.All(char.IsAsciiDigit))
        {
            return false;
        }

        bool Steps(int step) => Enumerable.Range(1, s.Length - 1).All(i => (s[i] - s[i - 1] + 10) % 10 == (step + 10) % 10);
        return Steps(1) || Steps(-1) || IsRepeat(s);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("GovPulse.Security.Users.common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded common-password list is missing from GovPulse.Security.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim());
            }
        }

        return set;
    }
}
