using GovPulse.Indicators.Periods;

namespace GovPulse.Indicators.Dossiers;

/// <summary>
/// <see cref="VietnamTime.LocalDate"/>, without the time-zone lookup where the zone's offset is known not
/// to change: after its last adjustment rule (Vietnam's ended in 1975) the offset is the zone's base offset,
/// so the local day is plain arithmetic on the UTC ticks. Elsewhere, and if a sample disagrees at start-up,
/// it asks the zone. The ledger asks for local days on every change, so this is on its hot path.
/// </summary>
internal static class VietnamDays
{
    public static DateOnly Of(DateTimeOffset instant)
    {
        var utc = instant.UtcTicks;
        return utc >= FixedOffset.From && utc < FixedOffset.Until
            ? DateOnly.FromDayNumber((int)((utc + FixedOffset.Offset) / TimeSpan.TicksPerDay))
            : VietnamTime.LocalDate(instant);
    }

    /// <summary>The UTC ticks [From, Until) over which Vietnam's offset is its base offset, Offset ticks.</summary>
    private static class FixedOffset
    {
        public static readonly long From;
        public static readonly long Until;
        public static readonly long Offset;

        static FixedOffset()
        {
            var zone = VietnamTime.Zone;
            var lastRuleEnd = DateTime.MinValue;
            foreach (var rule in zone.GetAdjustmentRules())
            {
                lastRuleEnd = rule.DateEnd > lastRuleEnd ? rule.DateEnd : lastRuleEnd;
            }

            Offset = zone.BaseUtcOffset.Ticks;
            if (lastRuleEnd >= DateTime.MaxValue.AddDays(-3))
            {
                From = Until = 0;
                return;
            }

            From = lastRuleEnd.Ticks + (2 * TimeSpan.TicksPerDay);
            Until = DateTime.MaxValue.Ticks - (2 * TimeSpan.TicksPerDay);
            foreach (var sample in new[] { From, From + (TimeSpan.TicksPerDay / 3), new DateTime(2026, 1, 1).Ticks, new DateTime(2100, 6, 30, 19, 0, 0).Ticks, Until - 1 })
            {
                var instant = new DateTimeOffset(sample, TimeSpan.Zero);
                if (VietnamTime.Zone.GetUtcOffset(instant).Ticks != Offset
                    || VietnamTime.LocalDate(instant).DayNumber != (int)((sample + Offset) / TimeSpan.TicksPerDay))
                {
                    From = Until = 0;
                    return;
                }
            }
        }
    }
}
