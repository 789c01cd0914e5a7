using System.Globalization;

namespace GovPulse.Storage.ClickHouse;

/// <summary>
/// Which sealed month of a unit: its receipt month (the 1st of it) and the SHA-256 of its bytes, in
/// lowercase hex. A month sealed again after a reopen usually has other bytes, hence another key.
/// </summary>
public readonly record struct SealedMonthKey
{
    public SealedMonthKey(DateOnly month, string sha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        Month = new DateOnly(month.Year, month.Month, 1);
        Sha256 = sha256.ToLowerInvariant();
    }

    /// <summary>The first day of the receipt month.</summary>
    public DateOnly Month { get; }

    public string Sha256 { get; }

    /// <summary>As the live segment's row names it: <c>2026-09:3f5a…</c>.</summary>
    public override string ToString() => Month.ToString("yyyy-MM", CultureInfo.InvariantCulture) + ":" + Sha256;

    /// <summary>Reads <see cref="ToString"/>'s form back.</summary>
    /// <exception cref="FormatException">Not that form.</exception>
    public static SealedMonthKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || colon == text.Length - 1
            || !DateOnly.TryParseExact(text[..colon], "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            throw new FormatException("A sealed month is named 'yyyy-MM:sha256'.");
        }

        return new SealedMonthKey(month, text[(colon + 1)..]);
    }
}
