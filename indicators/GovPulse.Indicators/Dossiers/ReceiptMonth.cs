using System.Globalization;
using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Dossiers;

/// <summary>A local (Asia/Ho_Chi_Minh) month of receipts: the unit a ledger seals.</summary>
public readonly record struct ReceiptMonth(int Year, int Month) : IComparable<ReceiptMonth>
{
    /// <summary>The 1st of the month.</summary>
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    /// <summary>00:00 local time on <see cref="FirstDay"/>.</summary>
    public DateTimeOffset Start => VietnamTime.StartOfDay(FirstDay);

    /// <summary>00:00 local time on the next month's 1st (exclusive).</summary>
    public DateTimeOffset End => VietnamTime.StartOfDay(FirstDay.AddMonths(1));

    /// <summary>The month as one number that counts months (year × 12 + month − 1), the ledger's index key.</summary>
    internal int Key => (Year * 12) + Month - 1;

    public static ReceiptMonth Of(DateOnly localDay) => new(localDay.Year, localDay.Month);

    /// <summary>The local month of the instant.</summary>
    public static ReceiptMonth Of(DateTimeOffset instant) => Of(Dossier.LocalDay(instant));

    internal static ReceiptMonth FromKey(int key) => new(key / 12, (key % 12) + 1);

    internal static int KeyOf(DateOnly day) => (day.Year * 12) + day.Month - 1;

    public Period AsPeriod() => Period.Month(Year, Month);

    public int CompareTo(ReceiptMonth other) => Key.CompareTo(other.Key);

    public static bool operator <(ReceiptMonth left, ReceiptMonth right) => left.CompareTo(right) < 0;

    public static bool operator >(ReceiptMonth left, ReceiptMonth right) => left.CompareTo(right) > 0;

    public static bool operator <=(ReceiptMonth left, ReceiptMonth right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ReceiptMonth left, ReceiptMonth right) => left.CompareTo(right) >= 0;

    /// <summary>"2026-09".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
