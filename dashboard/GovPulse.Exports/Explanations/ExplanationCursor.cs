using System.Globalization;
using System.Security.Cryptography;
using GovPulse.Indicators.Periods;
using GovPulse.Indicators.Scoring;
using Microsoft.AspNetCore.DataProtection;

namespace GovPulse.Exports.Explanations;

/// <summary>
/// Where the next page of an explanation starts, and what it explains: the unit, indicator, period
/// and the asOf of the first page, so every page lists the same items as known at the same instant.
/// Handed out opaque and authenticated (ASP.NET Core Data Protection, the key ring every node shares):
/// a cursor changed by hand does not read back.
/// </summary>
public sealed record ExplanationCursor(string UnitCode, IndicatorCode Indicator, Period Period, DateTimeOffset AsOf, int Offset)
{
    private const string Purpose = "GovPulse.Explanations.Cursor.v1";
    private const char Separator = '|';

    public string Write(IDataProtectionProvider protection)
    {
        ArgumentNullException.ThrowIfNull(protection);
        var text = string.Join(
            Separator,
            UnitCode,
            Indicator.ToString(),
            Period.Label,
            AsOf.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            Offset.ToString(CultureInfo.InvariantCulture));
        return protection.CreateProtector(Purpose).Protect(text);
    }

    /// <summary>The cursor <paramref name="text"/> holds; null when it is not one this endpoint wrote (changed, cut, or from another key ring).</summary>
    public static ExplanationCursor? Read(string text, IDataProtectionProvider protection)
    {
        ArgumentNullException.ThrowIfNull(protection);
        string plain;
        try
        {
            plain = protection.CreateProtector(Purpose).Unprotect(text);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = plain.Split(Separator);
        return parts.Length == 5
            && IndicatorCatalog.TryParse(parts[1], out var indicator)
            && Period.TryParse(parts[2], out var period, out _)
            && long.TryParse(parts[3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var asOf)
            && int.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? new ExplanationCursor(parts[0], indicator, period, DateTimeOffset.FromUnixTimeMilliseconds(asOf), offset)
            : null;
    }
}
