namespace GovPulse.Indicators.Events;

/// <summary>
/// Which of two conflicting facts about one dossier or petition stands (docs/indicators.md, "Conflicting
/// facts"). Each rule is a total order on what the events say, so the fact that stands is the same for
/// every delivery order and every rebuild, and an event told again never replaces itself.
/// </summary>
internal static class FactPrecedence
{
    /// <summary>
    /// For facts that a later event corrects (receipts, ratings): whether the fact told at
    /// <paramref name="at"/> by event <paramref name="eventId"/> replaces the standing one (told at
    /// <paramref name="standingAt"/> by <paramref name="standingEventId"/>; none when null). The later
    /// time wins; at the same instant, the larger event id (ordinal).
    /// </summary>
    public static bool LatestReplaces(DateTimeOffset at, string eventId, DateTimeOffset? standingAt, string? standingEventId) =>
        standingAt is not { } standing || at > standing || (at == standing && string.CompareOrdinal(eventId, standingEventId) > 0);

    /// <summary>
    /// For facts that happen once (finishes, payment, digitization, sync, a petition's resolution): keeps
    /// the earliest time in <paramref name="field"/> and returns true when <paramref name="at"/> replaced it.
    /// At the same instant written with another UTC offset, the smaller offset stands, so even the
    /// written form does not depend on the order.
    /// </summary>
    public static bool Earliest(ref DateTimeOffset? field, DateTimeOffset at)
    {
        if (field is { } known && (known < at || (known == at && known.Offset <= at.Offset)))
        {
            return false;
        }

        field = at;
        return true;
    }
}
