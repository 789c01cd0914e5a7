namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// An instant as a live dossier keeps it: UTC ticks (a long) and the offset it was told with, in
/// minutes (a short), in separate fields of the holder. A <c>DateTimeOffset?</c> takes 24 bytes and a
/// <c>DateTimeOffset</c> 16; these take 10, and the holder's fields pack. The offset is kept because it
/// is shown (chase lists) and written (segments), and decides ties (<c>FactPrecedence.Earliest</c>).
/// </summary>
internal static class StoredTime
{
    /// <summary>The ticks of "no such instant" (real UTC ticks are never negative).</summary>
    public const long None = long.MinValue;

    public static short OffsetOf(DateTimeOffset instant) => (short)(instant.Offset.Ticks / TimeSpan.TicksPerMinute);

    /// <summary>The instant at <paramref name="utcTicks"/> written with an offset of <paramref name="offsetMinutes"/>.</summary>
    public static DateTimeOffset At(long utcTicks, short offsetMinutes)
    {
        var offset = new TimeSpan(offsetMinutes * TimeSpan.TicksPerMinute);
        return new DateTimeOffset(utcTicks + offset.Ticks, offset);
    }

    /// <summary>Null for <see cref="None"/>, else <see cref="At"/>.</summary>
    public static DateTimeOffset? OrNull(long utcTicks, short offsetMinutes) => utcTicks == None ? null : At(utcTicks, offsetMinutes);
}
